/// A JSON value, typed: the JSON-LD of a page (HelpSiteRender) and the search index's files
/// (HelpSiteSearch) are built from these and written by `JSONText`. (Built from
/// `[String: Any]` before, whose casts cost more than the writing.)
package enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case array([JSONValue])
    /// Members in the order they were set (a later value for a key replaces the earlier
    /// one in place); written sorted by key. An object has a handful of members: an array
    /// costs less to build than a dictionary, and JSON-LD objects are built by the thousand.
    case object([(key: String, value: JSONValue)])
    case bool(Bool)
    case int(Int)

    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONValue.object([])
        for (key, value) in elements { object[key] = value }
        self = object
    }

    /// Sets `key` of an object; anything else is left as it is.
    package subscript(key: String) -> JSONValue? {
        get {
            if case .object(let members) = self { return members.first { $0.key == key }?.value }
            return nil
        }
        set {
            guard case .object(var members) = self else { return }
            // Let go of self's reference first, so that the members are changed in place, not copied.
            self = .bool(false)
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append((key, value))
            case (nil, nil): break
            }
            self = .object(members)
        }
    }
}

/// JSON text with keys in sorted order, so that output is byte-identical from
/// run to run. Foundation's JSONSerialization took a tenth of a build's time on Linux.
package enum JSONText {
    package static func encode(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    package static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, into: &output)
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        }
    }

    /// Escapes quotes, backslashes and control characters, and `<` (so that the
    /// text can stand inside a `<script>` element without closing it). Every byte of
    /// a multi-byte character is 0x80 or more, so the text is escaped byte by byte and
    /// runs with nothing to escape, nearly all of it, are copied whole.
    package static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let base = UnsafeRawPointer(bytes.baseAddress)
            while index < bytes.count {
                // Eight bytes at a time while none needs escaping, as nearly none does.
                if let base, index + 8 <= bytes.count, !needsEscaping(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") else { continue }
                let index = index - 1
                output.append(contentsOf: bytes[runStart..<index])
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: #"\u003c"#.utf8)
                default: output.append(contentsOf: ("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8)
                }
                runStart = index + 1
            }
            output.append(contentsOf: bytes[runStart...])
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"`, `\` or `<` (SWAR: a byte below 0x20
    /// borrows into its high bit; a byte equal to one of the three is a zero byte once xor-ed with it).
    @inline(__always)
    private static func needsEscaping(_ eight: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        return (zeroBytes(eight ^ (0x22 &* ones)) | zeroBytes(eight ^ (0x5C &* ones)) | zeroBytes(eight ^ (0x3C &* ones))
                | ((eight &- 0x20 &* ones) & ~eight & highs)) != 0
    }
}
