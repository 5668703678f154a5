/// Where each page lives: `nl/klachten/index.html` in `public/`, and
/// `https://…/nl/klachten/` on the web.
struct SiteAddresses {
    let site: Site

    /// The folder of a page, relative to the output root: `nl/klachten/`.
    func path(language: String, pageID: String) -> String {
        let slug = site.languages.first { $0.language.code == language }?.page(id: pageID)?.slug.value ?? pageID
        return "\(language)/\(slug)/"
    }

    func absolute(language: String, pageID: String) -> String {
        site.settings.baseURL.value + path(language: language, pageID: pageID)
    }

    /// The site's root as a path on its server (`/`, or `/help/` for `https://example.com/help/`):
    /// for pages such as the 404 page, which are served at any address.
    var rootPath: String {
        let base = site.settings.baseURL.value
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(base[slash...])
    }

    /// `../../` from `nl/klachten/`.
    static func relativeRoot(from folder: String) -> String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }

    /// A link from one page's folder to another's: `../../fr/plaintes/`.
    static func relative(from folder: String, to target: String) -> String {
        relativeRoot(from: folder) + target
    }
}
