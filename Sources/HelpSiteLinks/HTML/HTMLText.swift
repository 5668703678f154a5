/// What a reader sees of a page that is not ours: its text (the text between tags, but
/// not that of `script`, `style`, `template`, `noscript` or `svg`, character references decoded, white space
/// folded), its `<title>` and its first `<h1>`. For the online check's two questions about
/// an outside page: does it say "not found" (a soft 404), and does it still show a fact.
/// The links are read by `HTMLTokenizer`; this scan only separates text from markup.
package struct HTMLText: Sendable {
    package private(set) var text = ""
    package private(set) var title: String?
    package private(set) var firstHeading: String?

    /// Inline elements that do not separate words: `Koning<b>straat</b>` is one word.
    private static let inline: Set<String> = ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "kbd", "mark",
                                              "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"]
    private static let hidden: Set<String> = ["script", "style", "template", "noscript", "svg"]

    package init(_ bytes: [UInt8]) {
        var runs: [[UInt8]] = [[]]
        var titleRun: [UInt8]?, headingRun: [UInt8]?
        var index = 0
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            return zip(bytes[position..<(position + pattern.count)], pattern).allSatisfy { HTMLTokenizer.lowercased($0) == $1 }
        }
        func find(_ text: String, from position: Int) -> Int {
            var position = position
            while position < bytes.count, !starts(text, at: position) { position += 1 }
            return position
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count,
                  HTMLTokenizer.isLetter(bytes[index + 1]) || [UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[index + 1])
            else {
                runs[runs.count - 1].append(byte)
                titleRun?.append(byte)
                headingRun?.append(byte)
                index += 1
                continue
            }
            if starts("<!--", at: index) {
                index = find("-->", from: index + 4) + 3
                continue
            }
            let closing = bytes[index + 1] == UInt8(ascii: "/")
            var end = index + (closing ? 2 : 1)
            var name: [UInt8] = []
            while end < bytes.count, HTMLTokenizer.isLetter(bytes[end]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                name.append(HTMLTokenizer.lowercased(bytes[end]))
                end += 1
            }
            // To the `>`, past quoted attribute values.
            var quote: UInt8?
            while end < bytes.count, quote != nil || bytes[end] != UInt8(ascii: ">") {
                if let open = quote { if bytes[end] == open { quote = nil } }
                else if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") { quote = bytes[end] }
                end += 1
            }
            index = end + 1
            let tag = String(decoding: name, as: UTF8.self)
            if !closing, Self.hidden.contains(tag) || tag == "title" {
                let close = find("</" + tag, from: index)
                if tag == "title", title == nil { titleRun = Array(bytes[min(index, close)..<close]) }
                index = find(">", from: close) + 1
            } else if tag == "h1", firstHeading == nil {
                if !closing { headingRun = [] } else if let run = headingRun { firstHeading = Self.decoded(run); headingRun = nil }
            }
            if tag == "title", let run = titleRun { title = Self.decoded(run); titleRun = nil }
            if !Self.inline.contains(tag) { runs.append([]) }
        }
        text = runs.map(Self.decoded).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Character references decoded, white space folded.
    private static func decoded(_ run: [UInt8]) -> String {
        let text = run.withUnsafeBufferPointer { HTMLEntities.decode($0, inAttribute: false) }
        return text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(separator: " ")
    }
}
