import Foundation
import HelpSiteModel
import HelpSiteTranslation

/// How `helpsite status` shows its report: a table and compiler-style lines, or JSON.
enum StatusOutput {
    static let columns: [(title: String, state: FieldStatus.State?)] = [
        ("current", .current), ("stale", .stale), ("unreviewed", .unreviewed), ("untranslated", .untranslated),
        ("missing", .missing), ("not localised", .notLocalised),
    ]

    /// One row per language and page, then one line per field that is not current.
    static func text(_ report: StatusReport) -> String {
        // The date last, so that the columns before it stay where scripts read them.
        var rows = [["language", "page", "fields", "complete"] + columns.map(\.title) + ["updated"]]
        for language in report.languages {
            for part in language.parts {
                rows.append([language.language, part.part, "\(part.fields.count)", "\(part.completePercent)%"]
                            + columns.map { "\(part.count($0.state!))" } + [part.updated ?? "-"])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column < 2 || column == row.count - 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                           : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let details = report.languages.flatMap { language in
            language.parts.flatMap { part in
                findings(part).map { line($0, reference: report.reference) }
            }
        }
        if !details.isEmpty { lines += [""] + details }
        lines += ["", summary(report)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every field that is not current and every fact not localised, top to bottom of the file.
    static func findings(_ part: PartStatus) -> [FieldStatus] {
        (part.fields.filter { $0.state != .current } + part.notLocalised).enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    /// `content/fr/complaints.yaml:73:7: stale: steps.mediation.body (nl changed at content/nl/complaints.yaml:70:7)`.
    static func line(_ field: FieldStatus, reference nl: String) -> String {
        "\(field.location): " + message(field, reference: nl)
    }

    static func message(_ field: FieldStatus, reference nl: String) -> String {
        switch field.state {
        case .current: "current: \(field.key)"
        case .stale: "stale: \(field.key) (\(nl) changed at \(field.reference))"
        case .unreviewed: "unreviewed: \(field.key) is translated but not accepted yet (\(nl) at \(field.reference))"
        case .untranslated: "untranslated: \(field.key) is still the \(nl) text (\(nl) at \(field.reference))"
        case .missing: "missing: \(field.key) is not in this translation (\(nl) at \(field.reference))"
        case .notLocalised: "not localised: \(field.key) \(field.reason ?? "") (\(nl) at \(field.reference))"
        }
    }

    /// `fr: 1 stale; en: all 95 fields current (1 not localised)`, and what to do next.
    static func summary(_ report: StatusReport) -> String {
        guard !report.languages.isEmpty else { return "No translations: site.yaml names only the reference language \(report.reference)." }
        let perLanguage = report.languages.map { language in
            let count = { (state: FieldStatus.State) in language.parts.reduce(0) { $0 + $1.count(state) } }
            let fields = language.parts.reduce(0) { $0 + $1.fields.count }
            let open = [FieldStatus.State.stale, .unreviewed, .untranslated, .missing].filter { count($0) > 0 }
            var text = "\(language.language): " + (open.isEmpty ? "all \(fields) fields current"
                                                    : open.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", "))
            if count(.notLocalised) > 0 { text += " (\(count(.notLocalised)) not localised)" }
            return text
        }
        var text = perLanguage.joined(separator: "; ")
        if !report.isReleasable {
            text += ". After review, `helpsite status --accept <language>` records the \(report.reference) text each field now translates."
        }
        return text
    }

    /// The document described in the README ("Translation status"), keys sorted.
    static func json(_ report: StatusReport) -> String {
        let document = JSONStatus(
            version: 1, reference: report.reference, releasable: report.isReleasable,
            languages: report.languages.map { language in
                .init(language: language.language, sources: language.sourcesFile, parts: language.parts.map { part in
                    .init(part: part.part, file: part.file, updated: part.updated, fields: part.fields.count, complete: part.completePercent,
                          counts: Dictionary(uniqueKeysWithValues: FieldStatus.State.allCases.map { ($0.rawValue, part.count($0)) }),
                          findings: findings(part).map { field in
                              .init(state: field.state.rawValue, field: field.key, file: field.location.file, line: field.location.line,
                                    column: field.location.column, message: message(field, reference: report.reference),
                                    reference: .init(file: field.reference.file, line: field.reference.line, column: field.reference.column),
                                    fingerprint: field.state == .notLocalised ? nil : field.fingerprint)
                          })
                })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and booleans only: encoding cannot fail.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct JSONStatus: Encodable {
        struct Language: Encodable {
            var language: String
            var sources: String
            var parts: [Part]
        }
        struct Part: Encodable {
            var part: String
            var file: String
            /// The page's date of last update, its reference's.
            var updated: String?
            var fields: Int
            var complete: Int
            var counts: [String: Int]
            var findings: [Finding]
        }
        struct Finding: Encodable {
            var state: String
            var field: String
            var file: String
            var line: Int
            var column: Int
            var message: String
            var reference: Place
            var fingerprint: String?
        }
        struct Place: Encodable {
            var file: String
            var line: Int
            var column: Int
        }
        var version: Int
        var reference: String
        var releasable: Bool
        var languages: [Language]
    }
}
