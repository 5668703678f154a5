import Foundation
import HelpSiteModel
import HelpSiteMarkdown

/// Language code → the places of its text still in the reference language, for a `Site`.
public typealias UntranslatedPlaces = @Sendable (Site) -> [String: Set<SourceLocation>]

/// The render stage: `Site` + templates → the files of the site.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    /// How many pages are rendered at once; `nil` is one per core. The output is the same for any number.
    let workers: Int?
    /// For a preview: text a translation still shows in the reference language (what
    /// `helpsite status` calls untranslated) is wrapped in an element with the reference's
    /// `lang` and the class `untranslated`, which the stylesheet outlines. Off for a
    /// published site.
    /// The translation stage's answer to "where is each language's untranslated text?"
    /// (language → places), given by the pipeline for a preview; nil for a published site.
    let untranslated: UntranslatedPlaces?
    var markUntranslated: Bool { untranslated != nil }

    public init(templates: TemplateSet, workers: Int? = nil, untranslated: UntranslatedPlaces? = nil) {
        self.templates = templates
        self.workers = workers
        self.untranslated = untranslated
    }

    // A page's fingerprint covers what its HTML depends on: its file in every language
    // (titles and slugs appear in the switcher and alternates), the titles and slugs of the
    // other pages of its navigation group, its language's language.yaml and contacts.yaml,
    // site.yaml, and the templates.

    /// Pages whose layout has no template, each reported where the page names its layout.
    public func layoutProblems(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        for content in site.languages {
            for page in content.pages where !templates.has(page.layout.value.rawValue) {
                diagnostics.error("the layout '\(page.layout.value.rawValue)' has no template: add \(page.layout.value.rawValue).mustache to the templates",
                                  at: page.layout.location)
            }
        }
        return diagnostics
    }

    /// The files made earlier for every page of `site`, kept without rendering: for pages
    /// read from the build's summaries (`PageSummary.page`), which cannot be rendered, whose
    /// inputs (their file in every language, and all the site shares) are as they were when
    /// those files were made, so that the fingerprints `recorded` for them then still stand.
    /// False, with nothing written, when a page has no recorded file or `unchanged` does not
    /// hold it.
    public func keep(_ site: Site, recorded: (String) -> String?, unchanged: UnchangedPages,
                     writing write: (OutputFile) throws -> Void) throws -> Bool {
        let addresses = SiteAddresses(site: site)
        var files: [(path: String, fingerprint: String)] = []
        for content in site.languages {
            for page in content.pages {
                let path = addresses.path(language: content.language.code, pageID: page.id) + "index.html"
                guard let fingerprint = recorded(path), unchanged(path, fingerprint) else { return false }
                files.append((path, fingerprint))
            }
        }
        for file in files {
            try write(OutputFile(path: file.path, contents: Data(), isUnchanged: true, fingerprint: file.fingerprint))
        }
        return true
    }

    /// Like `render(_:unchanged:writing:)`, for the pages of `site` only: a build that reads
    /// its pages a group at a time renders each group with this, then the site files once.
    /// - Parameter parses: the documents the check already parsed for these pages.
    public func renderPages(
        _ site: Site, unchanged: UnchangedPages, parses: MarkdownParses? = nil, writing write: @Sendable (OutputFile) throws -> Void
    ) throws -> [String: String] {
        let plan = Plan(self, site, parses: parses)
        let failure = FirstFailure()
        _ = plan.jobs.concurrentMap(workers: workers) { job -> Bool in
            guard !failure.happened else { return false }
            do {
                try write(plan.file(job, unchanged: unchanged))
            } catch {
                failure.record(error)
            }
            return true
        }
        if let error = failure.error { throw error }
        return plan.fingerprints
    }

    /// For a group read in part: `site` holds the pages read whole and, for the others, their
    /// summaries (`PageSummary.page`), by which each page's fingerprint is still known. Renders
    /// the pages `whole` says are whole (unless their file is at hand), keeps the file of each
    /// summary whose file is at hand, and returns the others (by language code and page id):
    /// their navigation changed (a title or slug of their group), so they are to be read and
    /// rendered with `only`.
    /// - Parameter only: the pages to render (by language code and page id), all of them whole;
    ///   nil for every page, those that are not `whole` kept or returned.
    public func renderPages(_ site: Site, whole: (_ language: String, _ id: String) -> Bool, only: [String: Set<String>]? = nil,
                            unchanged: UnchangedPages, parses: MarkdownParses? = nil,
                            writing write: (OutputFile) throws -> Void) throws -> [String: Set<String>] {
        let plan = Plan(self, site, parses: parses)
        var unread: [String: Set<String>] = [:]
        for job in plan.jobs {
            let code = job.0.language.code, id = job.1.id
            if let only, only[code]?.contains(id) != true { continue }
            if whole(code, id) {
                try write(plan.file(job, unchanged: unchanged))
                continue
            }
            let path = plan.addresses.path(language: code, pageID: id) + "index.html"
            guard let fingerprint = plan.fingerprints[path], unchanged(path, fingerprint) else {
                unread[code, default: []].insert(id)
                continue
            }
            try write(OutputFile(path: path, contents: Data(), isUnchanged: true, fingerprint: fingerprint))
        }
        return unread
    }

    /// What every page of one build shares: the addresses, the typeset labels, the marks of
    /// a preview and each page's fingerprint.
    private struct Plan: Sendable {
        let renderer: SiteRenderer
        let site: Site
        let addresses: SiteAddresses
        let labels: [String: TemplateObject]
        let marked: [String: Set<SourceLocation>]
        let jobs: [(LanguageContent, Page)]
        let fingerprints: [String: String]
        let parses: MarkdownParses?
        /// Each navigation group as its pages list it, by language, group and depth (`menuKey`).
        let menus: [String: PageNavigation.Menu]
        /// Each language's shared contacts as the templates show them, by id.
        let sharedContacts: [String: [String: TemplateObject]]

        init(_ renderer: SiteRenderer, _ site: Site, parses: MarkdownParses? = nil) {
            self.parses = parses
            self.renderer = renderer
            self.site = site
            let addresses = SiteAddresses(site: site)
            self.addresses = addresses
            let marked = renderer.untranslated?(site) ?? [:]
            self.marked = marked
            // Each language's interface text, typeset once rather than for every page.
            let typeset = Dictionary(uniqueKeysWithValues: site.languages.map {
                ($0.language.code, $0.strings.labels.mapValues($0.strings.typography.apply))
            })
            labels = (renderer.markUntranslated ? SiteRenderer.marking(typeset, of: site, marked) : typeset).mapValues { TemplateObject($0) }
            // A preview's pages depend on which fields are marked as well.
            let markPrints = marked.mapValues { locations in
                locations.sorted().reduce(into: Fingerprint("marked untranslated")) { $0.add($1.description) }
            }
            let jobs = site.languages.flatMap { content in content.pages.map { (content, $0) } }
            self.jobs = jobs
            sharedContacts = Dictionary(uniqueKeysWithValues: site.languages.map { content in
                let code = content.language.code
                return (code, Dictionary((content.contacts?.contacts ?? []).map { contact in
                    (contact.id.value, ContactView(block: contact, strings: content.strings, reference: site.settings.referenceLanguage,
                                                   untranslated: marked[code] ?? []).values())
                }, uniquingKeysWith: { first, _ in first }))
            })
            var menus: [String: PageNavigation.Menu] = [:]
            for (content, page) in jobs {
                guard let group = site.settings.group(ofPage: page.id) else { continue }
                let root = SiteAddresses.relativeRoot(from: addresses.path(language: content.language.code, pageID: page.id))
                let key = Self.menuKey(content, group, root)
                if menus[key] == nil, let menu = PageNavigation.Menu.make(group, in: content, addresses: addresses, root: root) {
                    menus[key] = menu
                }
            }
            self.menus = menus
            fingerprints = Dictionary(jobs.map { content, page in
                var fingerprint = renderer.fingerprint(of: page, in: content, site)
                if let marks = markPrints[content.language.code] { fingerprint.add(marks) }
                return (addresses.path(language: content.language.code, pageID: page.id) + "index.html", fingerprint.description)
            }, uniquingKeysWith: { first, _ in first })
        }

        private static func menuKey(_ content: LanguageContent, _ group: NavigationGroup, _ root: String) -> String {
            content.language.code + " " + root + " " + group.id.value
        }

        /// One page's file, or a note that the previous build's is still right.
        func file(_ job: (LanguageContent, Page), unchanged: UnchangedPages) -> OutputFile {
            let (content, page) = job
            let folder = addresses.path(language: content.language.code, pageID: page.id)
            let path = folder + "index.html"
            let fingerprint = fingerprints[path]
            if let fingerprint, unchanged(path, fingerprint) {
                return OutputFile(path: path, contents: Data(), isUnchanged: true, fingerprint: fingerprint)
            }
            let group = site.settings.group(ofPage: page.id)
            let view = PageView(site: site, content: content, page: page, addresses: addresses,
                                labels: labels[content.language.code] ?? TemplateObject(), group: group,
                                untranslated: marked[content.language.code] ?? [], parses: parses,
                                menu: group.flatMap { menus[Self.menuKey(content, $0, SiteAddresses.relativeRoot(from: folder))] },
                                sharedContacts: sharedContacts[content.language.code] ?? [:])
            let html = renderer.templates.render(view.values(), with: page.layout.value.rawValue)
            guard renderer.markUntranslated else { return OutputFile(path: path, contents: html, fingerprint: fingerprint) }
            let resolved = UntranslatedMark.resolve(String(decoding: html, as: UTF8.self), reference: site.settings.referenceLanguage)
            return OutputFile(path: path, contents: Data(resolved.utf8), fingerprint: fingerprint)
        }
    }

    /// The first error of several workers; the others stop taking work once there is one.
    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: (any Error)?

        var happened: Bool { lock.withLock { first != nil } }
        var error: (any Error)? { lock.withLock { first } }

        func record(_ error: any Error) {
            lock.withLock { if first == nil { first = error } }
        }
    }

    /// The labels of language.yaml that are untranslated, marked.
    private static func marking(_ labels: [String: [String: String]], of site: Site, _ marked: [String: Set<SourceLocation>]) -> [String: [String: String]] {
        var labels = labels
        for content in site.languages {
            let code = content.language.code, marks = marked[code] ?? []
            for (key, text) in labels[code] ?? [:] where content.strings.locations["labels." + key].map(marks.contains) == true {
                labels[code]?[key] = UntranslatedMark.wrap(text)
            }
        }
        return labels
    }

    private func fingerprint(of page: Page, in content: LanguageContent, _ site: Site) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(site.fingerprint)
        fingerprint.add(templates.fingerprint)
        fingerprint.add(content.fingerprint)
        if let contacts = content.contacts { fingerprint.add(contacts.fingerprint) }
        for other in site.languages {
            fingerprint.add(other.language.code)
            if let translation = other.page(id: page.id) { fingerprint.add(translation.fingerprint) }
        }
        // The other pages of its navigation group show in its language's navigation by their
        // titles and slugs: those, not their text, so that editing a page's text renders it alone.
        for id in site.settings.group(ofPage: page.id)?.pages ?? [] where id.value != page.id {
            guard let other = content.page(id: id.value) else { continue }
            fingerprint.add(other.id)
            fingerprint.add(other.title.value)
            fingerprint.add(other.slug.value)
        }
        return fingerprint
    }
}
