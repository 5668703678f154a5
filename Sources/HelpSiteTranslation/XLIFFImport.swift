import Foundation
import HelpSiteModel

/// `helpsite import-xliff`: a translated XLIFF document written back into the YAML.
/// Planned whole first: if anything in the document does not fit the content, nothing
/// is written. Then only the scalars whose text changed are replaced, file by file.
public enum XLIFFImport {
    /// One content file's new text.
    public struct Change: Sendable {
        public let file: String
        public let text: String
        /// The ids of the units whose text changed in it.
        public let units: [String]
    }

    public struct Plan: Sendable {
        public var language: String
        public var changes: [Change]
        /// Units whose target is the text the content already has.
        public var unchanged = 0
        /// Units with no target, or an empty one: the content keeps its text.
        public var untranslated = 0
    }

    /// What importing `xliff` would change, or every reason it cannot be imported.
    /// - Parameters:
    ///   - file: the XLIFF file as the user named it, for messages.
    ///   - site: the site loaded from `contentDirectory`.
    public static func plan(xliff: String, file: String, site: Site, contentDirectory: String) -> (plan: Plan?, diagnostics: Diagnostics) {
        let document: XLIFFDocument
        switch XLIFFReader.read(xliff, file: file) {
        case .success(let read): document = read
        case .failure(let problem): return (nil, Diagnostics([problem]))
        }
        var diagnostics = Diagnostics()
        let reference = site.settings.referenceLanguage
        if document.sourceLanguage.value != reference {
            diagnostics.error("srcLang is '\(document.sourceLanguage.value)', but the site's reference language is '\(reference)'",
                              at: document.sourceLanguage.location)
        }
        let language = document.targetLanguage.value
        if let problem = XLIFFExport.problem(with: language, in: site, at: document.targetLanguage.location) {
            diagnostics.append(problem)
            return (nil, diagnostics)
        }
        let (files, problems) = TranslationUnits.files(of: site, language: language, contentDirectory: contentDirectory)
        diagnostics.append(contentsOf: problems)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        var plan = Plan(language: language, changes: [])
        var edits: [String: [YAMLPatcher.Edit]] = [:]
        let expected = Dictionary(files.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for given in document.files {
            guard let content = expected[given.id] else {
                diagnostics.error("<file id=\"\(given.id)\"> is not a content file of the site; expected \(files.map(\.id).joined(separator: ", "))",
                                  at: given.location)
                continue
            }
            edits[content.translationFile] = match(given, with: content, language: language, reference: reference,
                                                   plan: &plan, diagnostics: &diagnostics)
        }
        for missing in files where !document.files.contains(where: { $0.id == missing.id }) {
            diagnostics.error("<file id=\"\(missing.id)\"> is missing: the document does not cover \(missing.translationFile); export it again",
                              at: document.targetLanguage.location)
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        for content in files {
            guard let fileEdits = edits[content.translationFile], !fileEdits.isEmpty else { continue }
            switch patched(content.translationFile, with: fileEdits) {
            case .success(let text):
                plan.changes.append(Change(file: content.translationFile, text: text, units: fileEdits.map(\.name)))
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return (diagnostics.hasErrors ? nil : plan, diagnostics)
    }

    /// Writes each changed file whole or not at all.
    public static func write(_ plan: Plan) throws(AtomicFile.Failure) {
        for change in plan.changes {
            try AtomicFile.write(change.text, to: change.file)
        }
    }

    /// The edits one `<file>` asks for, after proving that its units are the content's.
    private static func match(
        _ given: XLIFFDocument.File, with content: UnitFile, language: String, reference: String,
        plan: inout Plan, diagnostics: inout Diagnostics
    ) -> [YAMLPatcher.Edit] {
        let units = Dictionary(content.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var edits: [YAMLPatcher.Edit] = []
        for unit in given.units {
            guard let current = units[unit.id] else {
                diagnostics.error("unit '\(unit.id)' is not a text of \(content.referenceFile); the content has changed since the export: export again",
                                  at: unit.location)
                continue
            }
            guard unit.source.trimmed == current.source.value else {
                diagnostics.append(.error("the \(reference) text of unit '\(unit.id)' has changed since the export; export again and translate the new text",
                                          at: unit.sourceLocation, notes: [.init("the \(reference) text now", at: current.source.location)]))
                continue
            }
            guard let target = unit.target?.trimmed, !target.isEmpty else {
                plan.untranslated += 1
                continue
            }
            guard let place = current.target else {
                diagnostics.append(.error("unit '\(unit.id)' has no place in \(content.translationFile): add its step, contact or channel there first",
                                          at: unit.targetLocation ?? unit.location, notes: [.init("the \(reference) text", at: current.source.location)]))
                continue
            }
            if target == place.value {
                plan.unchanged += 1
            } else {
                edits.append(.init(location: place.location, value: target, name: unit.id))
            }
        }
        for missing in content.units where !given.units.contains(where: { $0.id == missing.id }) {
            diagnostics.append(.error("unit '\(missing.id)' is missing from <file id=\"\(given.id)\">; export again", at: given.location,
                                      notes: [.init("the \(reference) text", at: missing.source.location)]))
        }
        return edits
    }

    /// The file's text with the edits made; a byte-order mark, if it had one, is kept.
    private static func patched(_ file: String, with edits: [YAMLPatcher.Edit]) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file), var text = String(validatingUTF8Data: data) else {
            return .failure(.error("cannot read \(file)", at: SourceLocation(file: file)))
        }
        let mark = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        if !mark.isEmpty { text.removeFirst() }
        return YAMLPatcher.apply(edits, to: text).map { mark + $0 }
    }
}
