/// Escaping for the few bits of HTML built in Swift rather than in a template
/// (and for the preview server's error page).
public enum HTML {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`: what the templates' `{{name}}` does.
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes in one pass over the UTF-8 bytes, copying the runs between the five signs
    /// whole. These are the five swift-mustache escaped, so pages stayed byte for byte what
    /// they were. swift-mustache compared Characters, so a sign followed by a combining mark
    /// (`"` + U+0301) stayed as it was, while a browser still reads the `"`; here it is escaped.
    package static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                // '>' (0x3E) is the largest byte escaped: most bytes of any text take this one test.
                guard byte <= 0x3E else { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Fills `{name}` placeholders of a translator's format: the format's own
    /// text is escaped, the values are HTML already.
    package static func fill(_ format: String, _ values: [String: String]) -> String {
        escape(format).filling(values)
    }
}

extension String {
    /// Fills `{name}` placeholders with `values`, in one pass: a value is never read
    /// for placeholders of its own, and `{other}` with no value stays as it is.
    package func filling(_ values: [String: String]) -> String {
        var result = ""
        var rest = self[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = rest.utf8.index(after: open)
            guard let close = rest.utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")) else { break }
            let name = rest[afterOpen..<close]
            // `{` inside a name starts the placeholder again: `{{n}` keeps its first brace.
            if let brace = name.utf8.lastIndex(of: UInt8(ascii: "{")) {
                result += rest[..<brace]
                rest = rest[brace...]
                continue
            }
            result += rest[..<open]
            if let value = values[String(name)] { result += value } else { result += rest[open...close] }
            rest = rest[rest.utf8.index(after: close)...]
        }
        result += rest
        return result
    }

    /// The first letter in upper case, for list items that start a line.
    package var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
