import Foundation
import HelpSiteModel

/// Reads one YAML file strictly: every key must be known, every required
/// key present, every value of the right kind and not empty. Problems are
/// collected, never thrown, so one run reports all of them.
package struct ContentReader {
    /// The file as the user should see it: `content/fr/complaints.yaml`.
    let file: String
    let text: String
    /// Where each line starts, in UTF-8 bytes: found once, in one pass over the bytes.
    let lineStarts: [Int]
    package var diagnostics = Diagnostics()

    package init(file: String, text: String) {
        self.file = file
        self.text = text
        var text = text
        lineStarts = text.withUTF8 { bytes in
            var starts = [0]
            while let end = bytes.firstOffset(of: UInt8(ascii: "\n"), from: starts[starts.count - 1]) { starts.append(end + 1) }
            return starts
        }
    }

    /// A mapping's entries, looked up by key; what the reader has used is tracked
    /// by `ContentReader.fields`, which reports unknown keys as it opens the mapping.
    struct Fields {
        /// In file order; a mapping has a handful of keys, so a scan beats hashing.
        let entries: [(key: String, value: YAMLNode)]
        /// Known keys that were typed wrongly, already reported: not reported again as missing.
        let misspelt: Set<String>
        let location: SourceLocation
        /// What the mapping is, for messages: `contact block`, `step`.
        let what: String

        subscript(key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.start.line, column: node.start.column)
    }

    /// Opens `node` as a mapping that may hold only `keys`; reports anything else.
    mutating func fields(_ node: YAMLNode, what: String, keys: [String]) -> Fields? {
        guard let mapping = node.mapping else {
            diagnostics.error("expected \(what) (a mapping of keys to values), found \(describe(node))", at: location(of: node))
            return nil
        }
        var entries: [(key: String, value: YAMLNode)] = []
        entries.reserveCapacity(mapping.count)
        var misspelt: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string, !name.isEmpty else {
                diagnostics.error("a key in \(what) must be a plain word, found \(describe(key))", at: location(of: key))
                continue
            }
            guard keys.contains(name) else {
                let suggestion = self.suggestion(for: name, among: keys)
                if let suggestion { misspelt.insert(suggestion) }
                diagnostics.error(unknownKeyMessage(name, what: what, keys: keys, suggestion: suggestion), at: location(of: key))
                continue
            }
            entries.append((name, value))
        }
        return Fields(entries: entries, misspelt: misspelt.subtracting(entries.map(\.key)), location: location(of: node), what: what)
    }

    /// Text under `key`; reports it when it is missing (if required), not text, or empty.
    mutating func text(_ fields: Fields, _ key: String, required: Bool = true) -> Located<String>? {
        guard let node = fields[key] else {
            if required { missing(key, in: fields) }
            return nil
        }
        return text(node, named: "'\(key)'")
    }

    mutating func text(_ node: YAMLNode, named name: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            diagnostics.error("\(name) must be text, found \(describe(node))", at: location(of: node))
            return nil
        }
        let value = scalar.string.trimmed
        guard !value.isEmpty else {
            diagnostics.error("\(name) is empty; write a value or remove the key", at: location(of: node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// Markdown under `key`, located at its first character in the file.
    mutating func markdown(_ fields: Fields, _ key: String, required: Bool = true) -> Markdown? {
        guard let located = text(fields, key, required: required), let node = fields[key] else { return nil }
        return Markdown(located.value, at: contentStart(of: node))
    }

    /// A list under `key`; a missing optional list is empty.
    mutating func list(_ fields: Fields, _ key: String, required: Bool = true) -> [YAMLNode] {
        guard let node = fields[key] else {
            if required { missing(key, in: fields) }
            return []
        }
        guard let sequence = node.sequence else {
            diagnostics.error("'\(key)' must be a list, found \(describe(node))", at: location(of: node))
            return []
        }
        if required, sequence.isEmpty {
            diagnostics.error("'\(key)' is an empty list; it needs at least one item", at: location(of: node))
        }
        return Array(sequence)
    }

    mutating func textList(_ fields: Fields, _ key: String, required: Bool = true) -> [Located<String>] {
        list(fields, key, required: required).compactMap { text($0, named: "an item of '\(key)'") }
    }

    mutating func flag(_ fields: Fields, _ key: String) -> Bool {
        guard let located = text(fields, key, required: false) else { return false }
        switch located.value {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error("'\(key)' must be true or false, found '\(located.value)'", at: located.location)
            return false
        }
    }

    mutating func missing(_ key: String, in fields: Fields) {
        guard !fields.misspelt.contains(key) else { return }
        diagnostics.error("\(fields.what) is missing the required key '\(key)'", at: fields.location)
    }

    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let string, _): return string.isEmpty ? "nothing" : "the text '\(string)'"
        }
    }

    /// Where a scalar's text begins: for a `|` or `>` block, the first
    /// non-blank character of the next line; for a quoted value, after the quote.
    func contentStart(of node: YAMLNode) -> SourceLocation {
        let start = location(of: node)
        guard let scalar = node.scalar else { return start }
        switch scalar.style {
        case .literal, .folded:
            // Lines are 1-based, the array 0-based: line(start.line) is the line after the indicator.
            var index = start.line
            while index < lineStarts.count, line(index).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { index += 1 }
            guard index < lineStarts.count else { return start }
            let indent = line(index).prefix { $0 == UInt8(ascii: " ") }.count
            return SourceLocation(file: file, line: index + 1, column: indent + 1)
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: file, line: start.line, column: start.column + 1)
        default:
            return start
        }
    }

    /// The bytes of a line (0-based), without its new-line character.
    private func line(_ index: Int) -> Substring.UTF8View {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
        let end = index + 1 < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[index + 1] - 1) : utf8.endIndex
        return text[start..<end].utf8
    }

    /// The name of `keys` nearest to `name`, if it is near enough to be a slip of the keyboard.
    func suggestion(for name: String, among keys: [String]) -> String? {
        guard let nearest = keys.min(by: { editDistance(name, $0) < editDistance(name, $1) }),
              editDistance(name, nearest) <= max(2, name.count / 3) else { return nil }
        return nearest
    }

    private func unknownKeyMessage(_ name: String, what: String, keys: [String], suggestion: String?) -> String {
        var message = "unknown key '\(name)' in \(what)"
        if let suggestion {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(keys.joined(separator: ", "))"
        }
        return message
    }
}

