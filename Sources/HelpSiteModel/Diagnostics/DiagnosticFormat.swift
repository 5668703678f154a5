import Foundation

/// Diagnostics written for a reader: people (text), programs (JSON) or
/// GitHub Actions (workflow annotations). Pure functions; the command prints.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github

    /// The JSON schema's version; raised only when a field changes meaning or goes away.
    public static let jsonVersion = 1

    /// - Parameter summary: the count line that closes text output, as the command words it.
    public func render(_ diagnostics: Diagnostics, summary: String) -> String {
        switch self {
        case .text: Self.text(diagnostics, summary: summary)
        case .json: Self.json(diagnostics)
        case .github: Self.github(diagnostics)
        }
    }

    /// The compiler form, grouped by page (`complaints`: every language's file of that page together).
    static func text(_ diagnostics: Diagnostics, summary: String) -> String {
        var lines: [String] = []
        var group: String?
        // Grouped by page, then in file order; problems at one place keep the order they were found in.
        let ordered = diagnostics.all.enumerated().sorted {
            (pageName($0.element.location.file), $0.element.location, $0.offset)
                < (pageName($1.element.location.file), $1.element.location, $1.offset)
        }.map(\.element)
        for diagnostic in ordered {
            let name = pageName(diagnostic.location.file)
            if name != group {
                if group != nil { lines.append("") }
                lines.append("\(name):")
                group = name
            }
            lines.append(diagnostic.description)
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `content/fr/complaints.yaml` → `complaints`; `content/site.yaml` → `site`.
    static func pageName(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    static func json(_ diagnostics: Diagnostics) -> String {
        func place(_ location: SourceLocation) -> [String: Any] {
            ["file": location.file, "line": location.line, "column": location.column]
        }
        let items: [[String: Any]] = diagnostics.sorted.map { diagnostic in
            var item = place(diagnostic.location)
            item["severity"] = diagnostic.severity.rawValue
            item["code"] = diagnostic.code.rawValue
            item["message"] = diagnostic.message
            item["related"] = diagnostic.related.map(place)
            item["notes"] = diagnostic.notes.map { note -> [String: Any] in
                var value = place(note.location)
                value["message"] = note.message
                return value
            }
            return item
        }
        let document: [String: Any] = [
            "version": jsonVersion,
            "errors": diagnostics.errorCount,
            "warnings": diagnostics.warningCount,
            "diagnostics": items,
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax requires.
    static func github(_ diagnostics: Diagnostics) -> String {
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return diagnostics.sorted.map { diagnostic in
            var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
            if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
            properties.append("title=\(escapeProperty(diagnostic.code.rawValue))")
            var message = diagnostic.message
            for note in diagnostic.notes { message += "\n\(note.location): note: \(note.message)" }
            return "::\(diagnostic.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }
}
