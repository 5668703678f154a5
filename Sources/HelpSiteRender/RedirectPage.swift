import Foundation
import HelpSiteModel

/// The page at an old address (`redirects:` in site.yaml), for hosts that read none of the
/// redirect rules the build writes beside it: not indexed, its canonical link the new
/// address, a sentence in the new page's language (`labels.moved`) and a link, and a
/// refresh that takes the reader there at once. Not a template of `templates/`: it is seen
/// for an instant, if at all, and must work whatever the templates do.
enum RedirectPage {
    static func html(_ redirect: ServedRedirect, strings: LanguageStrings, addresses: SiteAddresses) -> String {
        let relative = SiteAddresses.relative(from: redirect.from, to: redirect.to)
        let canonical = addresses.site.settings.baseURL.value + redirect.to
        let root = SiteAddresses.relativeRoot(from: redirect.from)
        let moved = strings.typography.apply(strings.label("moved"))
        let title = strings.typography.apply(redirect.title)
        return """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(redirect.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(HTML.escape(title))</title>
            <link rel="canonical" href="\(HTML.escape(canonical))">
            <meta http-equiv="refresh" content="0; url=\(HTML.escape(relative))">
            <link rel="stylesheet" href="\(HTML.escape(root))style.css">
            </head>
            <body>
            <main>
            <h1>\(HTML.escape(moved))</h1>
            <p><a href="\(HTML.escape(relative))">\(HTML.escape(title))</a></p>
            </main>
            </body>
            </html>

            """
    }
}

extension SiteRenderer {
    /// The page at each redirect's old address: `fr/plaintes/index.html`.
    public func renderRedirects(_ redirects: [ServedRedirect], of site: Site, writing write: (OutputFile) throws -> Void) throws {
        // Every page's address is worked out for the redirects' links: not for none.
        guard !redirects.isEmpty else { return }
        let addresses = SiteAddresses(site: site)
        for redirect in redirects {
            guard let strings = site.languages.first(where: { $0.language.code == redirect.language })?.strings else { continue }
            let html = RedirectPage.html(redirect, strings: strings, addresses: addresses)
            try write(OutputFile(path: redirect.from + "index.html", contents: Data(html.utf8)))
        }
    }
}
