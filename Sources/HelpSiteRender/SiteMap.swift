import Foundation
import HelpSiteModel

/// `sitemap.xml` with every home page and every page in every language and its alternates
/// (`xhtml:link rel="alternate"`), and the `robots.txt` that points to it.
struct SiteMap {
    let site: Site
    let addresses: SiteAddresses

    /// Written as bytes: every build makes it again, and at 1,000 pages in three languages it
    /// is 12,000 addresses (joined as strings, 4 % of a one-page rebuild).
    func xml() -> Data {
        var xml = Writer(base: site.settings.baseURL.value)
        let pages = site.languages.reduce(0) { $0 + $1.pages.count }
        xml.bytes.reserveCapacity((pages + site.languages.count) * (site.languages.count + 2) * 120)
        xml.put("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """)
        // Each language's home page, with the root as the choice for every other language.
        for content in site.languages {
            xml.location(SiteAddresses.home(language: content.language.code))
            for other in site.languages {
                xml.alternate(other.language.code, SiteAddresses.home(language: other.language.code))
            }
            xml.alternate("x-default", "")
            xml.put("  </url>\n")
        }
        let reference = site.reference
        let referenceLanguage = site.settings.referenceLanguage
        for content in site.languages {
            // By index, and by id in the other languages: a `Page` copied is every field retained.
            for index in content.pages.indices {
                let id = content.pages[index].id
                xml.location(addresses.path(language: content.language.code, pageID: id))
                // The reference's date: a translation is as recent as what it translates.
                if let updated = reference?.updated(ofPage: id) ?? content.pages[index].updated {
                    xml.put("    <lastmod>")
                    xml.put(updated.value.description)
                    xml.put("</lastmod>\n")
                }
                for other in site.languages where other.hasPage(id: id) {
                    xml.alternate(other.language.code, addresses.path(language: other.language.code, pageID: id))
                }
                xml.alternate("x-default", addresses.path(language: referenceLanguage, pageID: id))
                xml.put("  </url>\n")
            }
        }
        xml.put("</urlset>\n")
        return Data(xml.bytes)
    }

    /// What `xml()` is made from: the site's address and reference language, and each
    /// language's pages in order with their slugs and dates. A rebuild that changed none of
    /// them (a page's text or title) keeps the file, which lists every page.
    var fingerprint: Fingerprint {
        var fingerprint = Fingerprint("sitemap.xml")
        fingerprint.add(site.settings.baseURL.value)
        fingerprint.add(site.settings.referenceLanguage)
        for content in site.languages {
            fingerprint.add(content.language.code)
            for index in content.pages.indices {
                fingerprint.add(content.pages[index].id)
                fingerprint.add(content.pages[index].slug.value)
                fingerprint.add(content.pages[index].updated?.value.description ?? "")
            }
        }
        return fingerprint
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.settings.baseURL.value)sitemap.xml\n"
    }

    /// The file's bytes; every address is the site's base address (escaped once) and a path.
    private struct Writer {
        var bytes: [UInt8] = []
        let base: [UInt8]

        init(base: String) {
            var escaped: [UInt8] = []
            HTML.appendEscaped(base, to: &escaped)
            self.base = escaped
        }

        mutating func put(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func put(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        mutating func address(_ path: String) {
            bytes.append(contentsOf: base)
            HTML.appendEscaped(path, to: &bytes)
        }

        mutating func location(_ path: String) {
            put("  <url>\n    <loc>")
            address(path)
            put("</loc>\n")
        }

        mutating func alternate(_ hreflang: String, _ path: String) {
            put("    <xhtml:link rel=\"alternate\" hreflang=\"")
            put(hreflang)
            put("\" href=\"")
            address(path)
            put("\"/>\n")
        }
    }
}
