import HelpSiteModel

/// `sitemap.xml` with every home page and every page in every language and its alternates
/// (`xhtml:link rel="alternate"`), and the `robots.txt` that points to it.
struct SiteMap {
    let site: Site
    let addresses: SiteAddresses

    func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        // Each language's home page, with the root as the choice for every other language.
        for content in site.languages {
            xml += "  <url>\n    <loc>\(HTML.escape(addresses.absoluteHome(language: content.language.code)))</loc>\n"
            for other in site.languages {
                xml += link(other.language.code, addresses.absoluteHome(language: other.language.code))
            }
            xml += link("x-default", site.settings.baseURL.value)
            xml += "  </url>\n"
        }
        let reference = site.reference
        for content in site.languages {
            // By index, and by id in the other languages: a `Page` copied is every field retained.
            for index in content.pages.indices {
                let id = content.pages[index].id
                xml += "  <url>\n    <loc>\(HTML.escape(addresses.absolute(language: content.language.code, pageID: id)))</loc>\n"
                // The reference's date: a translation is as recent as what it translates.
                if let updated = reference?.updated(ofPage: id) ?? content.pages[index].updated {
                    xml += "    <lastmod>\(updated.value)</lastmod>\n"
                }
                for other in site.languages where other.hasPage(id: id) {
                    xml += link(other.language.code, addresses.absolute(language: other.language.code, pageID: id))
                }
                xml += link("x-default", addresses.absolute(language: site.settings.referenceLanguage, pageID: id))
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.settings.baseURL.value)sitemap.xml\n"
    }

    private func link(_ hreflang: String, _ href: String) -> String {
        "    <xhtml:link rel=\"alternate\" hreflang=\"\(hreflang)\" href=\"\(HTML.escape(href))\"/>\n"
    }
}
