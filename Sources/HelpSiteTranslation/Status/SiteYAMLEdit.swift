/// Adds a language to `site.yaml` by inserting two lines after the last entry of
/// `languages:`. The rest of the file, comments and blank lines included, stays as
/// the web team wrote it, which re-serialising the YAML would not keep.
enum SiteYAMLEdit {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func addingLanguage(code: String, name: String, to text: String) throws(Failure) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("languages:") }) else {
            throw Failure(description: "site.yaml has no 'languages:' at the start of a line")
        }
        let rest = lines[start].dropFirst("languages:".count).drop { $0 == " " }
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw Failure(description: "site.yaml writes 'languages:' on one line; write it as a list of '- code: …' entries to add a language")
        }
        var last = start
        var itemIndent: Substring?
        for index in lines.index(after: start)..<lines.endIndex {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            // A key at the margin ends the list; a list may also start at the margin.
            if line.first != " ", !line.hasPrefix("-") { break }
            if content.hasPrefix("- "), itemIndent == nil { itemIndent = line.prefix { $0 == " " } }
            last = index
        }
        guard let indent = itemIndent, last > start else {
            throw Failure(description: "site.yaml's 'languages:' has no '- code: …' entry to add to")
        }
        lines.insert(contentsOf: ["\(indent)- code: \(code)", "\(indent)  name: \(scalar(name))"], at: last + 1)
        return lines.joined(separator: newline)
    }

    /// A YAML plain scalar when that reads back as the same text, a double-quoted one otherwise.
    static func scalar(_ text: String) -> String {
        let plain = text.first.map { $0.isLetter } == true && !text.contains(": ") && !text.contains(" #")
            && !text.hasSuffix(":") && text.allSatisfy { $0 != "\"" && $0 != "\\" && !$0.isNewline }
        guard !plain else { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + escaped + "\""
    }
}
