import Foundation
import HelpSiteModel
import HelpSiteContent

extension LinkSources {
    /// `site.yaml` alone, read as the build reads it: base URL, phone region, languages, `link_check:`.
    package static func settings(contentDirectory directory: String) -> (SiteSettings?, Diagnostics) {
        var diagnostics = Diagnostics()
        let file = Paths.join(directory, "site.yaml")
        guard let root = SiteLoader.parse(file, into: &diagnostics) else { return (nil, diagnostics) }
        var reader = ContentReader(file: file, text: root.text)
        let settings = reader.siteSettings(root.node)
        diagnostics.append(contentsOf: reader.diagnostics)
        return (diagnostics.hasErrors ? nil : settings, diagnostics)
    }

    /// Which pages are translations of each other, from the file names (the page id) and
    /// each file's `slug:` line, without parsing the pages: ten thousand pages stay fast.
    /// Their links' content lines are read later, for the pages that have problems.
    package static func outline(contentDirectory directory: String, settings: SiteSettings) -> LinkSources {
        var files: [(code: String, id: String, file: String)] = []
        for language in settings.languages {
            let folder = Paths.join(directory, language.code)
            let names = FileWalk.names(in: folder).filter(LanguageFolder.isPageFile)
            files += names.map { (language.code, String($0.dropLast(".yaml".count)), Paths.join(folder, $0)) }
        }
        let paths = files.map(\.file)
        let slugs = parallelChunks(paths.count) { range in
            var buffer: [UInt8] = []
            return range.map { FileBytes.read(paths[$0], into: &buffer) ? slug(in: buffer) : nil }
        }
        var sources = LinkSources()
        for (entry, slug) in zip(files, slugs) {
            guard let slug else { continue }
            let path = "\(entry.code)/\(slug)/index.html"
            sources.pageFiles[path] = entry.file
            sources.translations[entry.id, default: [:]][entry.code] = path
        }
        return sources
    }

    /// The top-level `slug: klachten` (quoted or not, comment after it or not).
    package static func slug(in bytes: [UInt8]) -> String? {
        let key = Array("slug:".utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if bytes[start..<end].starts(with: key) {
                var value = String(decoding: bytes[(start + key.count)..<end], as: UTF8.self)
                if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
                let trimmed = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'\r"))
                return trimmed.isEmpty ? nil : trimmed
            }
            start = end + 1
        }
        return nil
    }

    /// Reads the content of the pages at `paths` for their links' lines; a file
    /// that does not read is named in the returned warnings (its problems keep the page only).
    package mutating func loadLinks(ofPages paths: Set<String>, region: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var contacts: [String: SharedContacts?] = [:]
        for path in paths.sorted() where links[path] == nil {
            guard let file = pageFiles[path], let code = path.split(separator: "/").first else { continue }
            var diagnostics = Diagnostics()
            var page: Page?
            if let root = SiteLoader.parse(file, into: &diagnostics) {
                var reader = ContentReader(file: file, text: root.text)
                let id = String((file as NSString).lastPathComponent.dropLast(".yaml".count))
                let folder = String(file.dropLast((file as NSString).lastPathComponent.count))
                if contacts[folder] == nil {
                    var ignored = Diagnostics() // contacts.yaml's own problems are the check's to report
                    contacts[folder] = .some(SiteLoader.loadContacts(in: folder, region: region, into: &ignored))
                }
                page = reader.page(root.node, id: id, region: region, contacts: contacts[folder] ?? nil)
                diagnostics.append(contentsOf: reader.diagnostics)
            }
            if let page, !diagnostics.hasErrors {
                add(page, language: String(code))
            } else {
                links[path] = [:]
                let reason = diagnostics.sorted.first.map { ": \($0.message)" } ?? ""
                warnings.append(Diagnostic(.warning, "\(file) does not read, so its links' content lines are not named\(reason)",
                                           at: SourceLocation(file: file), code: .linkContent))
            }
        }
        return warnings
    }
}
