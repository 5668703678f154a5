/// Writes a text as a YAML scalar of a given style, or says it cannot be written so.
/// Every result is also read back by `YAMLPatcher` before it is kept.
enum YAMLScalarWriter {
    /// A plain scalar, when nothing in the text could be read as YAML syntax.
    static func plain(_ value: String) -> String? {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              !"-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first), last != " ", last != ":",
              !value.contains(": "), !value.contains(" #"), value.unicodeScalars.allSatisfy(isPlainSafe) else { return nil }
        return value
    }

    /// `'…'` with `'` doubled; one line only (a quoted line break would be folded to a space).
    static func singleQuoted(_ value: String) -> String? {
        guard value.unicodeScalars.allSatisfy(isPlainSafe) else { return nil }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `"…"` with escapes: always possible. The spaces French needs (U+00A0, U+202F) are
    /// written as escapes, so that a translator sees them in the file, as `language.yaml` does.
    static func doubleQuoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case "\u{85}": text += "\\N"
            case "\u{2028}": text += "\\L"
            case "\u{2029}": text += "\\P"
            case _ where scalar.value < 0x20 || (0x7F...0xA0).contains(scalar.value) || scalar.value == 0x202F
                || scalar.value == 0xFEFF || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16, uppercase: true)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// A `|` block: the header as the file had it, then each line at `indent` spaces.
    static func literal(_ value: String, header: String, indent: Int) -> String? {
        guard let first = value.unicodeScalars.first, first != " ", first != "\t",
              value.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || isPlainSafe($0) }) else { return nil }
        let margin = String(repeating: " ", count: indent)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : margin + $0 }
        return header + "\n" + lines.joined(separator: "\n")
    }

    /// A `>` block of one paragraph, broken at single spaces so that lines stay under `width` columns.
    static func folded(_ value: String, header: String, indent: Int, width: Int = 80) -> String? {
        guard !value.contains("\n"), let first = value.unicodeScalars.first, first != " ",
              value.unicodeScalars.allSatisfy(isPlainSafe) else { return nil }
        let margin = String(repeating: " ", count: indent)
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        var lines: [String] = []
        var line = String(words[0])
        var previous = words[0]
        // Only a single space between two words may become a line break: folding reads it back as that space.
        for word in words.dropFirst() {
            if !word.isEmpty, !previous.isEmpty, indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += " " + word
            }
            previous = word
        }
        lines.append(line)
        return header + "\n" + lines.map { margin + $0 }.joined(separator: "\n")
    }

    /// Printable and not a line break to libyaml (which also breaks lines at NEL, U+2028 and U+2029).
    static func isPlainSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
