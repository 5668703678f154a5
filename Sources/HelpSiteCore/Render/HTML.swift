/// Escaping for the few bits of HTML built in Swift rather than in a template.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Fills `{name}` placeholders of a translator's format: the format's own
    /// text is escaped, the values are HTML already.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        var result = escape(format)
        for (name, html) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: html)
        }
        return result
    }
}

extension String {
    /// Fills `{name}` placeholders with plain text.
    func filling(_ values: [String: String]) -> String {
        values.reduce(self) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// The first letter in upper case, for list items that start a line.
    var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

extension String {
    /// Without white space (new lines included) at either end; Foundation's
    /// `trimmingCharacters` goes through NSString and is many times slower.
    var trimmed: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...last])
    }
}
