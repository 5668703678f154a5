import Foundation
import HelpSiteModel

/// The files made from the whole site's page summaries, once per build: the language
/// choice at the root, each language's home page, the 404 pages, the sitemap,
/// robots.txt and the static files.
extension SiteRenderer {
    /// What lists pages: only each page's id, slug, title and description are read, so `site`
    /// may hold pages reduced to those (`PageSummary.page`).
    /// - Parameter unchanged: whether a file made from the same fingerprint is at hand (as for the
    ///   pages): the sitemap, which lists every page, is then kept rather than made again.
    public func renderSiteFiles(_ site: Site, unchanged: UnchangedPages = { _, _ in false },
                                writing write: (OutputFile) throws -> Void) throws {
        let addresses = SiteAddresses(site: site)
        try write(OutputFile(path: "index.html", contents: templates.render(languageChoice(site, addresses), with: "index")))
        for content in site.languages {
            let code = content.language.code
            // Kept when nothing it shows changed, as a page is: a change to one language's page
            // leaves the other languages' home pages as they were.
            let homePath = SiteAddresses.home(language: code) + "index.html", homePrint = homeFingerprint(content, site).description
            try write(unchanged(homePath, homePrint)
                ? OutputFile(path: homePath, contents: Data(), isUnchanged: true, fingerprint: homePrint)
                : OutputFile(path: homePath, contents: templates.render(home(content, site, addresses), with: "home"), fingerprint: homePrint))
            try write(OutputFile(path: code + "/404.html", contents: templates.render(notFound([content], site, addresses), with: "404")))
        }
        // Served for an address in no language folder: it speaks every language.
        try write(OutputFile(path: "404.html", contents: templates.render(notFound(site.languages, site, addresses), with: "404")))
        let map = SiteMap(site: site, addresses: addresses)
        let mapPrint = map.fingerprint.description
        try write(unchanged("sitemap.xml", mapPrint)
            ? OutputFile(path: "sitemap.xml", contents: Data(), isUnchanged: true, fingerprint: mapPrint)
            : OutputFile(path: "sitemap.xml", contents: map.xml(), fingerprint: mapPrint))
        try write(OutputFile(path: "robots.txt", contents: Data(map.robots().utf8)))
        for file in templates.staticFiles { try write(OutputFile(path: file.path, contents: file.contents)) }
    }

    /// The page for an address that does not exist, in the given languages, each leading to its
    /// home page. It is served at any address, so its links start from the site's root.
    private func notFound(_ languages: [LanguageContent], _ site: Site, _ addresses: SiteAddresses) -> TemplateObject {
        let root = addresses.rootPath
        let first = languages.first { $0.language.isReference } ?? languages[0]
        let typeset = first.strings.typography.apply
        return TemplateObject([
            "lang": .text(first.language.code),
            "siteName": .text(site.settings.name.value),
            "title": .text(languages.map { $0.strings.typography.apply($0.strings.label("not_found_title")) }.joined(separator: " · ")),
            "labels": .object(TemplateObject(first.strings.labels.mapValues(typeset))),
            "stylesheet": .text(root + "style.css"),
            "favicon": .text(root + "favicon.svg"),
            // One language's page leads to its home page; the page of every language to the choice.
            "home": .text(languages.count == 1 ? root + SiteAddresses.home(language: first.language.code) : root),
            // The search looks in one language's pages: the page of every language has none.
            "searchScript": languages.count == 1 ? .text(root + SiteAddresses.searchScript) : nil,
            "languages": .list(languages.map { content in
                let typeset = content.strings.typography.apply
                return .object(TemplateObject([
                    "lang": .text(content.language.code),
                    "name": .text(typeset(content.strings.label("not_found_title"))),
                    "text": .text(typeset(content.strings.label("not_found_text"))),
                    "homeName": .text(typeset(content.strings.label("home"))),
                    "href": .text(root + SiteAddresses.home(language: content.language.code)),
                ]))
            }),
        ])
    }

    /// What a language's home page is made from: site.yaml (the navigation, the languages, the
    /// address), the templates, the language's language.yaml, and each of its pages' id, title,
    /// slug and description, in order.
    private func homeFingerprint(_ content: LanguageContent, _ site: Site) -> Fingerprint {
        var fingerprint = Fingerprint("home")
        fingerprint.add(site.fingerprint)
        fingerprint.add(templates.fingerprint)
        fingerprint.add(content.fingerprint)
        for other in site.languages {
            fingerprint.add(other.language.code)
            fingerprint.add(other.language.name)
        }
        for index in content.pages.indices {
            fingerprint.add(content.pages[index].id)
            fingerprint.add(content.pages[index].title.value)
            fingerprint.add(content.pages[index].slug.value)
            fingerprint.add(content.pages[index].description.value)
        }
        return fingerprint
    }

    /// A language's home page: the groups of the navigation with their pages and
    /// descriptions, then the pages in no group.
    private func home(_ content: LanguageContent, _ site: Site, _ addresses: SiteAddresses) -> TemplateObject {
        let code = content.language.code
        let here = SiteAddresses.home(language: code)
        let typeset = content.strings.typography.apply
        // Pages by their place in `content.pages`: a `Page` copied is every field retained.
        func entry(_ index: Int) -> TemplateValue {
            .object(TemplateObject([
                "name": .text(typeset(content.pages[index].title.value)),
                "href": .text(SiteAddresses.relative(from: here, to: addresses.path(language: code, pageID: content.pages[index].id))),
                "description": .text(typeset(content.pages[index].description.value)),
            ]))
        }
        var grouped = Set<String>()
        var groups: [TemplateValue] = []
        for group in site.settings.navigation {
            let pages = group.pages.compactMap { content.position(ofPage: $0.value) }
            grouped.formUnion(pages.map { content.pages[$0].id })
            guard !pages.isEmpty else { continue }
            groups.append(.object(TemplateObject([
                "id": .text(group.id.value),
                "name": .text(typeset(content.strings.groupTitles[group.id.value] ?? group.id.value)),
                "pages": .list(pages.map(entry)),
            ])))
        }
        let others = content.pages.indices.filter { !grouped.contains(content.pages[$0].id) }
        let root = SiteAddresses.relativeRoot(from: here)
        return TemplateObject([
            "lang": .text(code),
            "siteName": .text(site.settings.name.value),
            "title": .text(typeset(content.strings.label("home"))),
            // What search engines show under the home page: the site and what its groups are about,
            // after a dash (a group's title keeps its capital, and French needs no space before it).
            "description": .text(typeset(site.settings.name.value + " – "
                + site.settings.navigation.compactMap { content.strings.groupTitles[$0.id.value] }.joined(separator: ", ") + ".")),
            "canonical": .text(addresses.absoluteHome(language: code)),
            "alternates": .list(homeAlternates(site, addresses)),
            "stylesheet": .text(root + "style.css"),
            "favicon": .text(root + "favicon.svg"),
            "home": .text("./"),
            "searchScript": .text(root + SiteAddresses.searchScript),
            "labels": .object(TemplateObject(content.strings.labels.mapValues(typeset))),
            "translations": .list(site.languages.map { other in
                .object(TemplateObject([
                    "lang": .text(other.language.code), "name": .text(other.language.name),
                    "current": .bool(other.language.code == code),
                    "href": .text(SiteAddresses.relative(from: here, to: SiteAddresses.home(language: other.language.code))),
                ]))
            }),
            "groups": .list(groups),
            "others": others.isEmpty ? nil : .object(TemplateObject(["pages": .list(others.map(entry))])),
        ])
    }

    /// The home pages of every language, and the root as the choice for everyone else.
    private func homeAlternates(_ site: Site, _ addresses: SiteAddresses) -> [TemplateValue] {
        site.languages.map { content in
            .object(TemplateObject(["hreflang": .text(content.language.code), "href": .text(addresses.absoluteHome(language: content.language.code))]))
        } + [.object(TemplateObject(["hreflang": .text("x-default"), "href": .text(site.settings.baseURL.value)]))]
    }

    /// The root: each language, in its own words, leading to its home page.
    private func languageChoice(_ site: Site, _ addresses: SiteAddresses) -> TemplateObject {
        TemplateObject([
            "lang": .text(site.settings.referenceLanguage),
            "siteName": .text(site.settings.name.value),
            "canonical": .text(site.settings.baseURL.value),
            "alternates": .list(homeAlternates(site, addresses)),
            "stylesheet": .text("style.css"),
            "favicon": .text("favicon.svg"),
            "languages": .list(site.languages.map { content in
                .object(TemplateObject([
                    "lang": .text(content.language.code),
                    "name": .text(content.language.name),
                    "chooseLanguage": .text(content.strings.label("choose_language")),
                    "homeName": .text(content.strings.typography.apply(content.strings.label("home"))),
                    "href": .text(SiteAddresses.home(language: content.language.code)),
                ]))
            }),
        ])
    }
}
