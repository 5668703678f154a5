import Foundation
import HelpSiteModel

/// `helpsite new-language`: a new translation made from the reference language, with
/// every fact copied and every text field recorded as untranslated, so that the site
/// still builds and `helpsite status` lists what is left to translate.
public enum LanguageScaffold {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The files to write, worked out before anything is written.
    public struct Plan: Sendable {
        public var code: String
        public var name: String
        /// `content/de`.
        public var folder: String
        /// File name → text: the reference's files, and `.sources.yaml`.
        public var files: [String: String]
        public var siteFile: String
        public var siteText: String
        /// Text fields recorded as untranslated.
        public var untranslated: Int
    }

    /// A BCP 47 tag as the loader accepts it in site.yaml: `de`, `nl-BE`, `zh-Hant`.
    public static func isLanguageCode(_ code: String) -> Bool {
        isLanguageTag(code)
    }

    public static func plan(_ site: Site, contentDirectory: String, code: String, name: String) throws(Failure) -> Plan {
        guard isLanguageTag(code) else {
            throw Failure(description: "'\(code)' is not a BCP 47 language code; write a lowercase code such as de, nl-BE or zh-Hant")
        }
        if site.languages.contains(where: { $0.language.code == code }) {
            throw Failure(description: "'\(code)' is already a language of site.yaml")
        }
        let folder = Paths.join(contentDirectory, code)
        if FileManager.default.fileExists(atPath: folder) {
            throw Failure(description: "\(folder) already exists; remove it or choose another code")
        }
        guard let original = site.reference else { throw Failure(description: "site.yaml names no reference language") }
        let referenceFolder = TranslationStatus.folder(of: original)
        let header = "# Made from \(original.language.code) by `helpsite new-language \(code)`: translate the text, keep the ids and facts.\n"
            + "# `helpsite status` lists every field still to translate.\n"
        var files: [String: String] = [:]
        let shared = original.contacts == nil ? [] : [LanguageFolder.contactsFile]
        for name in [LanguageFolder.stringsFile] + shared + original.pages.map({ $0.id + ".yaml" }) {
            var text = try read(Paths.join(referenceFolder, name))
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            files[name] = header + text
        }
        var sources = SourceFingerprints(reference: original.language.code)
        let walks = TranslationStatus.walks(of: original, against: original, site: site)
        for (part, _, walk) in walks {
            sources.parts[part] = Dictionary(walk.fields.map { ($0.key, .untranslated) }, uniquingKeysWith: { first, _ in first })
        }
        files[SourceFingerprints.fileName] = SourcesFile.text(sources, language: code, order: walks.map { ($0.0, $0.2.fields.map(\.key)) })
        let siteFile = Paths.join(contentDirectory, "site.yaml")
        let siteText = try addingLanguage(code: code, name: name, to: try read(siteFile), file: siteFile)
        return Plan(code: code, name: name, folder: folder, files: files, siteFile: siteFile, siteText: siteText,
                    untranslated: sources.parts.values.reduce(0) { $0 + $1.count })
    }

    /// Writes the language's folder under a hidden name, moves it into place in one step,
    /// then replaces site.yaml: an interruption leaves no half-made language, and the
    /// loader ignores a hidden leftover (the next run removes it).
    public static func write(_ plan: Plan) throws(Failure) {
        let parent = URL(fileURLWithPath: plan.folder).deletingLastPathComponent().path
        let staging = Paths.join(parent, ".\(plan.code).helpsite-new")
        let fileManager = FileManager.default
        do {
            try? fileManager.removeItem(atPath: staging)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for (name, text) in plan.files.sorted(by: { $0.key < $1.key }) {
                try AtomicFile.write(text, to: Paths.join(staging, name))
            }
            try fileManager.moveItem(atPath: staging, toPath: plan.folder)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw Failure(description: "cannot write \(plan.folder): \(error)")
        }
        do {
            try AtomicFile.write(plan.siteText, to: plan.siteFile)
        } catch {
            try? fileManager.removeItem(atPath: plan.folder)
            throw Failure(description: "\(error); \(plan.folder) removed again")
        }
    }

    /// `site.yaml` with the language added at the end of `languages:`, its comments and layout as they were.
    static func addingLanguage(code: String, name: String, to text: String, file: String) throws(Failure) -> String {
        do {
            return try YAMLPatcher.appending([("code", code), ("name", name)], toSequence: "languages", in: text)
        } catch {
            let reason = switch error {
            case .noKey: "site.yaml has no 'languages:' at the start of a line"
            case .oneLine: "site.yaml writes 'languages:' on one line; write it as a list of '- code: …' entries to add a language"
            case .noItems: "site.yaml's 'languages:' has no '- code: …' entry to add to"
            case .unreadable: "cannot read the file again to change it"
            case .notReadBack: "the changed file would not read as intended; nothing was written"
            }
            throw Failure(description: "\(file): \(reason)")
        }
    }

    private static func read(_ file: String) throws(Failure) -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(file): \(error.localizedDescription)")
        }
    }
}
