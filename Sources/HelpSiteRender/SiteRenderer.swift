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
    // (titles and slugs appear in the switcher and alternates), its language's
    // language.yaml, site.yaml, and the templates.

    /// The home page, the 404 pages, the sitemap, robots.txt and the static files: what
    /// lists every page. Only each page's id, slug and title are read, so `site` may hold
    /// pages reduced to those (`PageSummary.page`).
    public func renderSiteFiles(_ site: Site, writing write: (OutputFile) throws -> Void) throws {
        for file in siteFiles(site, SiteAddresses(site: site)) { try write(file) }
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
            fingerprints = Dictionary(jobs.map { content, page in
                var fingerprint = renderer.fingerprint(of: page, in: content, site)
                if let marks = markPrints[content.language.code] { fingerprint.add(marks) }
                return (addresses.path(language: content.language.code, pageID: page.id) + "index.html", fingerprint.description)
            }, uniquingKeysWith: { first, _ in first })
        }

        /// One page's file, or a note that the previous build's is still right.
        func file(_ job: (LanguageContent, Page), unchanged: UnchangedPages) -> OutputFile {
            let (content, page) = job
            let path = addresses.path(language: content.language.code, pageID: page.id) + "index.html"
            let fingerprint = fingerprints[path]
            if let fingerprint, unchanged(path, fingerprint) {
                return OutputFile(path: path, contents: Data(), isUnchanged: true, fingerprint: fingerprint)
            }
            let view = PageView(site: site, content: content, page: page, addresses: addresses,
                                labels: labels[content.language.code] ?? TemplateObject(), untranslated: marked[content.language.code] ?? [],
                                parses: parses)
            let html = renderer.templates.render(view.values(), with: "page")
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

    /// The home page, the 404 pages, the sitemap, robots.txt and the static files.
    private func siteFiles(_ site: Site, _ addresses: SiteAddresses) -> [OutputFile] {
        var files = [OutputFile(path: "index.html", contents: templates.render(home(site, addresses), with: "index"))]
        for content in site.languages {
            let html = templates.render(notFound(content, site, addresses), with: "404")
            files.append(OutputFile(path: content.language.code + "/404.html", contents: html))
            if content.language.isReference {
                files.append(OutputFile(path: "404.html", contents: html))
            }
        }
        let map = SiteMap(site: site, addresses: addresses)
        files.append(OutputFile(path: "sitemap.xml", contents: Data(map.xml().utf8)))
        files.append(OutputFile(path: "robots.txt", contents: Data(map.robots().utf8)))
        files += templates.staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        return files
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
        for other in site.languages {
            fingerprint.add(other.language.code)
            if let translation = other.page(id: page.id) { fingerprint.add(translation.fingerprint) }
        }
        return fingerprint
    }

    /// The page for an address that does not exist, in one language, with links to
    /// every page. It is served at any address, so its links start from the site's root.
    private func notFound(_ content: LanguageContent, _ site: Site, _ addresses: SiteAddresses) -> TemplateObject {
        let root = addresses.rootPath
        let typeset = content.strings.typography.apply
        return TemplateObject([
            "lang": .text(content.language.code),
            "siteName": .text(site.settings.name.value),
            "labels": .object(TemplateObject(content.strings.labels.mapValues(typeset))),
            "stylesheet": .text(root + "style.css"),
            "home": .text(root + "index.html"),
            "pages": .list(content.pages.map { page in
                .object(TemplateObject([
                    "title": .text(typeset(page.title.value)),
                    "href": .text(root + addresses.path(language: content.language.code, pageID: page.id)),
                ]))
            }),
        ])
    }

    /// The home page: each language, in its own words, with its pages.
    private func home(_ site: Site, _ addresses: SiteAddresses) -> TemplateObject {
        TemplateObject([
            "lang": .text(site.settings.referenceLanguage),
            "siteName": .text(site.settings.name.value),
            "canonical": .text(site.settings.baseURL.value),
            "stylesheet": .text("style.css"),
            "languages": .list(site.languages.map { content in
                .object(TemplateObject([
                    "lang": .text(content.language.code),
                    "name": .text(content.language.name),
                    "chooseLanguage": .text(content.strings.label("choose_language")),
                    "pages": .list(content.pages.map { page in
                        .object(TemplateObject([
                            "title": .text(page.title.value),
                            "href": .text(addresses.path(language: content.language.code, pageID: page.id)),
                        ]))
                    }),
                ]))
            }),
        ])
    }
}
