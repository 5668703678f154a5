import Foundation
import HelpSiteLinks

/// How `helpsite links` shows its report: compiler-style lines, JSON, or JUnit XML.
enum LinksOutput {
    /// Problems on standard error, as `build` prints them; the summary on standard output.
    static func human(_ report: LinkReport) {
        let lines = report.diagnostics.sorted.map(\.description)
        if !lines.isEmpty { FileHandle.standardError.write(Data(Terminal.paint(lines.joined(separator: "\n") + "\n").utf8)) }
        print(summaryLine(report))
    }

    /// `Checked 57 links on 4 pages in 12 ms: 50 ok, 0 redirected, 2 broken, 5 skipped; 2 errors, 1 warning`.
    static func summaryLine(_ report: LinkReport) -> String {
        let s = report.summary, d = report.diagnostics
        return "Checked \(s.checked) link\(s.checked == 1 ? "" : "s") on \(s.pages) page\(s.pages == 1 ? "" : "s") in \(Terminal.milliseconds(s.elapsed)) ms: "
            + "\(s.ok) ok, \(s.redirected) redirected, \(s.broken) broken, \(s.skipped) skipped; "
            + Terminal.counts(d)
    }

    /// The JSON document described in the README ("Checking links"), keys sorted.
    static func json(_ report: LinkReport, online: Bool) -> String {
        let s = report.summary, d = report.diagnostics
        let document = JSONReport(
            version: 1, online: online,
            summary: .init(pages: s.pages, checked: s.checked, ok: s.ok, redirected: s.redirected, broken: s.broken,
                           skipped: s.skipped, errors: d.errorCount, warnings: d.warningCount,
                           milliseconds: Terminal.milliseconds(s.elapsed)),
            problems: report.problems.map { problem in
                let diagnostic = problem.diagnostic
                return .init(severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue, file: diagnostic.location.file, line: diagnostic.location.line,
                             column: diagnostic.location.column, message: diagnostic.message, link: problem.link,
                             notes: diagnostic.notes.map {
                                 .init(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message)
                             })
            },
            urls: report.urls)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and booleans only: encoding cannot fail.
        let data = try! encoder.encode(document)
        return String(decoding: data, as: UTF8.self)
    }

    struct JSONReport: Encodable {
        struct Summary: Encodable {
            var pages, checked, ok, redirected, broken, skipped, errors, warnings, milliseconds: Int
        }
        struct Note: Encodable {
            var file: String
            var line, column: Int
            var message: String
        }
        struct Problem: Encodable {
            var severity, code, file: String
            var line, column: Int
            var message: String
            var link: String?
            var notes: [Note]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(severity, forKey: .severity)
                try container.encode(code, forKey: .code)
                try container.encode(file, forKey: .file)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(message, forKey: .message)
                try container.encode(link, forKey: .link)  // null, not absent, for a page-level problem
                try container.encode(notes, forKey: .notes)
            }
            enum CodingKeys: String, CodingKey { case severity, code, file, line, column, message, link, notes }
        }
        var version: Int
        var online: Bool
        var summary: Summary
        var problems: [Problem]
        var urls: [URLCheck]
    }
}
