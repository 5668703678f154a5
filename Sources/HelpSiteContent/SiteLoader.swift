import Foundation
import HelpSiteModel

/// The load stage: `content/` on disk → `Site`, or every problem found on the way.
public enum SiteLoader {
    /// Content files larger than this are refused unread: a help page is a few kilobytes.
    public static let maximumFileSize = 1 << 20

    /// Reads `site.yaml`, then each language's `language.yaml` and pages.
    /// - Parameter directory: the content folder as the user named it; messages use it as a prefix.
    /// Holds every page at once: the commands that need the whole site (status, XLIFF) use
    /// it; `check`, `build` and `serve` read a group of pages at a time (`Pipeline`).
    public static func load(contentDirectory directory: String) -> (site: Site?, diagnostics: Diagnostics) {
        let (site, diagnostics) = read(directory, only: nil)
        return (diagnostics.hasErrors ? nil : site, diagnostics)
    }

    /// The site without its pages, for a build that reads them a group at a time
    /// (`loadPages`), so that it never holds every page: site.yaml, each language.yaml and
    /// .sources.yaml, and what the file names alone tell (a missing translation, a language
    /// with no pages). Two pages with one slug is left to the caller. The site is given
    /// even with errors, as long as site.yaml could be read, so that the pages' own errors
    /// can be found too.
    /// - Returns: also every page id of every language, in file order.
    public static func loadSkeleton(contentDirectory directory: String) -> (site: Site?, pageIDs: [String], diagnostics: Diagnostics) {
        var (site, diagnostics) = read(directory, only: [])
        guard let skeleton = site else { return (nil, [], diagnostics) }
        var ids = Set<String>()
        for content in skeleton.languages {
            let names = yamlFiles(in: Paths.join(directory, content.language.code)).filter(LanguageFolder.isPageFile)
            if names.isEmpty, !diagnostics.hasErrors {
                diagnostics.error("language '\(content.language.code)' has no pages: add a file such as \(Paths.join(directory, content.language.code))/complaints.yaml",
                                  at: content.language.location)
            }
            ids.formUnion(names.map(LanguageFolder.pageID(ofFile:)))
        }
        diagnostics.append(contentsOf: SiteStructure.navigation(skeleton, pageIDs: ids))
        site = skeleton
        return (site, navigationOrder(ids.sorted(), skeleton.settings.navigation), diagnostics)
    }

    /// How many pages (each in every language) a core reads at a time when a site is read
    /// in groups (`loadPages`).
    static let groupSize = 32

    /// `ids` in groups of at most `groupSize`, in order, never splitting a navigation group:
    /// a page shows the other pages of its navigation group, so they are read together (a
    /// navigation group larger than `groupSize` is read as one group of its own).
    package static func pageGroups(_ ids: [String], navigation: [NavigationGroup] = []) -> [ArraySlice<String>] {
        var groupOf: [String: String] = [:]
        for group in navigation { for page in group.pages { groupOf[page.value] = groupOf[page.value] ?? group.id.value } }
        var groups: [ArraySlice<String>] = []
        var start = 0
        var unit = 0 // where the run of pages of one navigation group (or one page in none) starts
        for index in ids.indices.dropFirst() {
            let sameGroup = groupOf[ids[index]] != nil && groupOf[ids[index]] == groupOf[ids[index - 1]]
            if !sameGroup { unit = index }
            guard index - start >= groupSize else { continue }
            // Full: cut before the run this page belongs to, unless the group would be empty.
            let cut = unit > start ? unit : (sameGroup ? nil : index)
            if let cut {
                groups.append(ids[start..<cut])
                start = cut
            }
        }
        if start < ids.count { groups.append(ids[start...]) }
        return groups
    }

    /// The pages of the navigation, group after group, then the others in file-name order:
    /// the order in which a build reads them, so that each group is read whole.
    static func navigationOrder(_ ids: [String], _ navigation: [NavigationGroup]) -> [String] {
        let present = Set(ids)
        var ordered: [String] = []
        var placed = Set<String>()
        for group in navigation {
            for page in group.pages where present.contains(page.value) && placed.insert(page.value).inserted { ordered.append(page.value) }
        }
        return ordered + ids.filter { !placed.contains($0) }
    }

    /// The pages `ids` in every language of `skeleton` (from `loadSkeleton`), read in this
    /// thread; a language without one of them simply lacks it (the skeleton reported that).
    /// - Parameter only: the page ids to read in each language (by code), when not all of `ids`.
    public static func loadPages(_ ids: some Collection<String>, of skeleton: Site, contentDirectory directory: String,
                                 only: [String: Set<String>]? = nil) -> (site: Site, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var site = skeleton
        let region = skeleton.settings.phoneRegion.value
        site.languages = skeleton.languages.map { content in
            let folder = Paths.join(directory, content.language.code)
            var pages: [Page] = []
            for id in ids where only.map({ $0[content.language.code]?.contains(id) == true }) ?? true {
                let file = Paths.join(folder, id + ".yaml")
                guard access(file, F_OK) == 0 else { continue }
                let (page, problems) = loadPage(file, region: region, contacts: content.contacts)
                if let page { pages.append(page) }
                diagnostics.append(contentsOf: problems)
            }
            return content.replacingPages(pages)
        }
        return (site, diagnostics)
    }

    private static func read(_ directory: String, only: Set<String>?) -> (site: Site?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        reportSymbolicLinks(in: directory, into: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let siteFile = Paths.join(directory, "site.yaml")
        guard let siteRoot = parse(siteFile, into: &diagnostics) else { return (nil, diagnostics) }
        var reader = ContentReader(file: siteFile, text: siteRoot.text)
        let settings = reader.siteSettings(siteRoot.node)
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let settings else { return (nil, diagnostics) }

        reportUndeclaredFolders(in: directory, settings: settings, into: &diagnostics)
        reportMissingTranslations(in: directory, settings: settings, into: &diagnostics)
        var languages: [LanguageContent] = []
        for language in settings.languages {
            if var content = loadLanguage(language, in: directory, region: settings.phoneRegion.value, only: only, into: &diagnostics) {
                content.sources = loadSources(of: language, in: directory, reference: settings.referenceLanguage, into: &diagnostics)
                languages.append(content)
            }
        }
        var site = Site(settings: settings, languages: languages)
        site.fingerprint = Fingerprint(siteRoot.text)
        if only == nil {
            diagnostics.append(contentsOf: SiteStructure.check(site))
            diagnostics.append(contentsOf: SiteStructure.navigation(site, pageIDs: Set(site.languages.flatMap { $0.pages.map(\.id) })))
        }
        return (site, diagnostics)
    }

    private static func loadLanguage(
        _ language: Language, in directory: String, region: String, only: Set<String>?, into diagnostics: inout Diagnostics
    ) -> LanguageContent? {
        let folder = Paths.join(directory, language.code)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("language '\(language.code)' has no content: expected the folder \(folder)/", at: language.location)
            return nil
        }
        let stringsFile = Paths.join(folder, LanguageFolder.stringsFile)
        var strings: LanguageStrings?
        var stringsFingerprint = Fingerprint()
        if let root = parse(stringsFile, into: &diagnostics) {
            stringsFingerprint = Fingerprint(root.text)
            var reader = ContentReader(file: stringsFile, text: root.text)
            strings = reader.languageStrings(root.node)
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        let contacts = loadContacts(in: folder, region: region, into: &diagnostics)
        // Pages are independent of each other: read them on every core, keep them in file order.
        let names = yamlFiles(in: folder).filter { LanguageFolder.isPageFile($0) && only?.contains(LanguageFolder.pageID(ofFile: $0)) != false }
        let loaded = names.concurrentMap { name in loadPage(Paths.join(folder, name), region: region, contacts: contacts) }
        var pages: [Page] = []
        for (page, problems) in loaded {
            if let page { pages.append(page) }
            diagnostics.append(contentsOf: problems)
        }
        if pages.isEmpty, only == nil, !diagnostics.hasErrors {
            diagnostics.error("language '\(language.code)' has no pages: add a file such as \(folder)/complaints.yaml", at: language.location)
        }
        guard let strings else { return nil }
        var content = LanguageContent(language: language, strings: strings, pages: pages)
        content.fingerprint = stringsFingerprint
        content.contacts = contacts
        return content
    }

    /// `contacts.yaml`, if the language folder has one.
    package static func loadContacts(in folder: String, region: String, into diagnostics: inout Diagnostics) -> SharedContacts? {
        let file = Paths.join(folder, LanguageFolder.contactsFile)
        guard access(file, F_OK) == 0, let root = parse(file, into: &diagnostics) else { return nil }
        var reader = ContentReader(file: file, text: root.text)
        var contacts = reader.sharedContacts(root.node, region: region)
        contacts?.fingerprint = Fingerprint(root.text)
        diagnostics.append(contentsOf: reader.diagnostics)
        // With errors too: a page that names a contact read whole is not also told it is missing.
        return contacts
    }

    /// The one file a language folder holds besides its YAML content: the fingerprints that
    /// `helpsite status --accept` records (see `SourceFingerprints`). Absent is no fingerprint yet.
    private static func loadSources(
        of language: Language, in directory: String, reference: String, into diagnostics: inout Diagnostics
    ) -> SourceFingerprints? {
        let file = Paths.join(Paths.join(directory, language.code), SourceFingerprints.fileName)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard !language.isReference else {
            diagnostics.error("\(file): the reference language is translated from nothing; remove this file", at: SourceLocation(file: file))
            return nil
        }
        guard let root = parse(file, into: &diagnostics) else { return nil }
        var reader = ContentReader(file: file, text: root.text)
        let sources = reader.sourceFingerprints(root.node, reference: reference)
        diagnostics.append(contentsOf: reader.diagnostics)
        return sources
    }

    private static func loadPage(_ file: String, region: String, contacts: SharedContacts?) -> (Page?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let root = parse(file, into: &diagnostics) else { return (nil, diagnostics) }
        var reader = ContentReader(file: file, text: root.text)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let id = String(name.dropLast(".yaml".count))
        if !isPlainName(id) {
            reader.diagnostics.error("page file name '\(name)' must be lowercase letters, digits and hyphens, such as complaints.yaml",
                                     at: SourceLocation(file: file))
        }
        var page = reader.page(root.node, id: id, region: region, contacts: contacts)
        page?.fingerprint = Fingerprint(root.text)
        return (page, reader.diagnostics)
    }

    /// A folder in `content/` that `site.yaml` does not name would silently never be published.
    private static func reportUndeclaredFolders(in directory: String, settings: SiteSettings, into diagnostics: inout Diagnostics) {
        let declared = Set(settings.languages.map(\.code))
        for entry in FileWalk.names(in: directory) where !entry.hasPrefix(".") && !declared.contains(entry) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: Paths.join(directory, entry), isDirectory: &isDirectory), isDirectory.boolValue {
                diagnostics.error("folder \(Paths.join(directory, entry))/ is not a language of site.yaml; add it under 'languages' or remove it",
                                  at: settings.languages.first?.location ?? SourceLocation(file: Paths.join(directory, "site.yaml")))
            }
        }
    }

    /// Decided from the files alone, so that a translation that does not parse is not also called missing.
    private static func reportMissingTranslations(in directory: String, settings: SiteSettings, into diagnostics: inout Diagnostics) {
        let reference = settings.referenceLanguage
        func pageIDs(_ code: String) -> Set<String> {
            Set(yamlFiles(in: Paths.join(directory, code)).filter(LanguageFolder.isPageFile).map(LanguageFolder.pageID(ofFile:)))
        }
        let originals = pageIDs(reference)
        for language in settings.languages where language.code != reference {
            let translations = pageIDs(language.code)
            for id in originals.subtracting(translations).sorted() {
                diagnostics.error("page '\(id)' has no \(language.code) translation: expected \(Paths.join(Paths.join(directory, language.code), id)).yaml",
                                  at: SourceLocation(file: Paths.join(Paths.join(directory, reference), id) + ".yaml"))
            }
            for id in translations.subtracting(originals).sorted() {
                diagnostics.error("page '\(id)' has no \(reference) original; every page starts in the reference language",
                                  at: SourceLocation(file: Paths.join(Paths.join(directory, language.code), id) + ".yaml"))
            }
        }
    }

    private static func yamlFiles(in folder: String) -> [String] {
        FileWalk.names(in: folder).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
    }

    /// Content is the project's own files: a symbolic link (which could lead anywhere on the
    /// machine) is refused wherever it stands in the content folder.
    private static func reportSymbolicLinks(in directory: String, into diagnostics: inout Diagnostics) {
        // The walk never goes through a link: a link to / must not send it over the machine.
        for entry in FileWalk.entries(under: directory) where entry.kind == S_IFLNK {
            let path = Paths.join(directory, entry.relative)
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            diagnostics.error("\(path) is a symbolic link (to \(target)); content must be files of the project, not links",
                              at: SourceLocation(file: path))
        }
    }

    /// The file's text and its YAML tree, or a diagnostic saying why not.
    package static func parse(_ file: String, into diagnostics: inout Diagnostics) -> (text: String, node: YAMLNode)? {
        switch YAMLFile.read(file) {
        case .success(let parsed): return parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
