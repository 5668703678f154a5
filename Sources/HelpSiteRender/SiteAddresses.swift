import HelpSiteModel

/// Where each page lives: `nl/klachten/index.html` in `public/`, and
/// `https://…/nl/klachten/` on the web.
package struct SiteAddresses {
    let site: Site
    /// Language → page id → the page's folder, worked out once: the sitemap of a large
    /// site asks for every page's folder several times.
    private let folders: [String: [String: String]]

    package init(site: Site) {
        self.site = site
        var folders: [String: [String: String]] = [:]
        for content in site.languages where folders[content.language.code] == nil {
            let code = content.language.code
            var language: [String: String] = [:]
            language.reserveCapacity(content.pages.count)
            // By index: a `Page` copied is every field retained.
            for index in content.pages.indices where language[content.pages[index].id] == nil {
                language[content.pages[index].id] = code + "/" + content.pages[index].slug.value + "/"
            }
            folders[code] = language
        }
        self.folders = folders
    }

    /// The folder of a page, relative to the output root: `nl/klachten/`.
    package func path(language: String, pageID: String) -> String {
        folders[language]?[pageID] ?? "\(language)/\(pageID)/"
    }

    package func absolute(language: String, pageID: String) -> String {
        site.settings.baseURL.value + path(language: language, pageID: pageID)
    }

    /// The site's root as a path on its server (`/`, or `/help/` for `https://example.com/help/`):
    /// for pages such as the 404 page, which are served at any address.
    package var rootPath: String {
        Self.rootPath(of: site.settings)
    }

    /// The same from the site's settings alone, with no page's address worked out.
    package static func rootPath(of settings: SiteSettings) -> String {
        let base = settings.baseURL.value
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(base[slash...])
    }

    /// A language's home page, relative to the output root: `nl/`.
    static func home(language: String) -> String {
        language + "/"
    }

    /// The search field's script, relative to the output root: a static file of the templates
    /// (`templates/static/search/ui.js`), beside the query module it imports.
    static let searchScript = "search/ui.js"

    func absoluteHome(language: String) -> String {
        site.settings.baseURL.value + Self.home(language: language)
    }

    /// `../../` from `nl/klachten/`.
    package static func relativeRoot(from folder: String) -> String {
        String(repeating: "../", count: depth(of: folder))
    }

    /// The folders of a path, `folder.split(separator: "/").count`: two for `nl/klachten/`. Over
    /// the bytes of an ASCII path, as slugs are, where a byte is a character: splitting by
    /// Characters, for every link of every page, cost 2% of a build.
    static func depth(of folder: String) -> Int {
        var depth = 0, inName = false
        for byte in folder.utf8 {
            guard byte < 0x80 else { return folder.split(separator: "/").count }
            if byte == UInt8(ascii: "/") {
                inName = false
            } else if !inName {
                inName = true
                depth += 1
            }
        }
        return depth
    }

    /// A link from one page's folder to another's: `../../fr/plaintes/`.
    package static func relative(from folder: String, to target: String) -> String {
        relativeRoot(from: folder) + target
    }
}
