import Foundation

/// A file of the built site: where it goes under the output folder, and its bytes.
public struct OutputFile: Sendable {
    /// Relative to the output folder: `nl/klachten/index.html`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// The render stage: `Site` + templates → the files of the site.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    /// How many pages are rendered at once; `nil` is one per core. The output is the same for any number.
    let workers: Int?

    public init(templates: TemplateSet, workers: Int? = nil) {
        self.templates = templates
        self.workers = workers
    }

    /// Every page in every language, the home page, and the static files.
    public func render(_ site: Site) -> [OutputFile] {
        let addresses = SiteAddresses(site: site)
        // Each language's interface text, typeset once rather than for every page.
        let labels = Dictionary(uniqueKeysWithValues: site.languages.map {
            ($0.language.code, $0.strings.labels.mapValues($0.strings.typography.apply))
        })
        // Pages are independent: render them on every core, in a fixed order, so the output
        // does not depend on how many cores there are.
        let jobs = site.languages.flatMap { content in content.pages.map { (content, $0) } }
        var files = jobs.concurrentMap(workers: workers) { content, page in
            let view = PageView(site: site, content: content, page: page, addresses: addresses,
                                labels: labels[content.language.code] ?? [:])
            let html = templates.render(view.values(), with: "page")
            return OutputFile(path: addresses.path(language: content.language.code, pageID: page.id) + "index.html",
                              contents: Data(html.utf8))
        }
        files.append(OutputFile(path: "index.html", contents: Data(templates.render(home(site, addresses), with: "index").utf8)))
        for content in site.languages {
            let html = templates.render(notFound(content, site, addresses), with: "404")
            files.append(OutputFile(path: content.language.code + "/404.html", contents: Data(html.utf8)))
            if content.language.isReference {
                files.append(OutputFile(path: "404.html", contents: Data(html.utf8)))
            }
        }
        let map = SiteMap(site: site, addresses: addresses)
        files.append(OutputFile(path: "sitemap.xml", contents: Data(map.xml().utf8)))
        files.append(OutputFile(path: "robots.txt", contents: Data(map.robots().utf8)))
        files += templates.staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        return files
    }

    /// The page for an address that does not exist, in one language, with links to
    /// every page. It is served at any address, so its links start from the site's root.
    private func notFound(_ content: LanguageContent, _ site: Site, _ addresses: SiteAddresses) -> [String: Any] {
        let root = addresses.rootPath
        let typeset = content.strings.typography.apply
        return [
            "lang": content.language.code,
            "siteName": site.settings.name.value,
            "labels": content.strings.labels.mapValues(typeset),
            "stylesheet": root + "style.css",
            "home": root + "index.html",
            "pages": content.pages.map { page in
                ["title": typeset(page.title.value), "href": root + addresses.path(language: content.language.code, pageID: page.id)]
            },
        ]
    }

    /// The home page: each language, in its own words, with its pages.
    private func home(_ site: Site, _ addresses: SiteAddresses) -> [String: Any] {
        [
            "lang": site.settings.referenceLanguage,
            "siteName": site.settings.name.value,
            "canonical": site.settings.baseURL.value,
            "stylesheet": "style.css",
            "languages": site.languages.map { content in
                [
                    "lang": content.language.code,
                    "name": content.language.name,
                    "chooseLanguage": content.strings.label("choose_language"),
                    "pages": content.pages.map { page in
                        ["title": page.title.value, "href": addresses.path(language: content.language.code, pageID: page.id)]
                    },
                ] as [String: Any]
            },
        ]
    }
}
