import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteMarkdown
@testable import HelpSiteContent
@testable import HelpSiteRender

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the built pages carry besides their text: structured data, the sitemap,
/// robots.txt, the 404 pages, and the details that serve screen readers and print.
@Suite("The published pages' structure")
struct PublishedPageTests {
    let files: [OutputFile]
    let site: Site

    init() throws {
        files = try TestBuild.render()
        site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
    }

    func text(_ path: String) throws -> String { try TestBuild.page(path, in: files) }

    /// The JSON-LD of a page, parsed.
    func structuredData(_ path: String) throws -> [[String: Any]] {
        let html = try text(path)
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        return try #require((json as? [String: Any])?["@graph"] as? [[String: Any]])
    }

    @Test(arguments: [("nl", "nl/klachten/index.html"), ("fr", "fr/plaintes/index.html"), ("en", "en/complaints/index.html")])
    func structuredDataCarriesTheContentsFacts(_ language: String, _ path: String) throws {
        let graph = try structuredData(path).filter { $0["@type"] as? String == "Organization" }
        let page = try #require(site.languages.first { $0.language.code == language }?.page(id: "complaints"))
        let blocks = page.sections.flatMap(\.shownContacts)
        #expect(graph.map { $0["name"] as? String } == blocks.map(\.organisation.value))
        for (organisation, block) in zip(graph, blocks) {
            let points = organisation["contactPoint"] as? [[String: Any]] ?? []
            var phones: [String] = [], emails: [String] = [], hours: [String] = []
            for channel in block.channels {
                if case .phone(_, let e164) = channel.value.value { phones.append(e164) }
                if case .email(let address) = channel.value.value { emails.append(address) }
                hours += channel.hours.map { "\($0.days.map(\.schemaName)) \($0.opens)-\($0.closes)" }
            }
            #expect(points.compactMap { $0["telephone"] as? String } == phones)
            #expect(points.compactMap { $0["email"] as? String } == emails)
            let published = points.flatMap { ($0["hoursAvailable"] as? [[String: Any]]) ?? [] }.map { spec in
                let days = (spec["dayOfWeek"] as? [String] ?? []).map { $0.replacingOccurrences(of: "https://schema.org/", with: "") }
                return "\(days) \(spec["opens"] as? String ?? "")-\(spec["closes"] as? String ?? "")"
            }
            #expect(published == hours)
            #expect(points.allSatisfy { $0["availableLanguage"] as? [String] == nil })
            let address = organisation["address"] as? [String: Any]
            #expect(address?["postalCode"] as? String == block.address?.postalCode.value)
            #expect(address?["addressCountry"] as? String == "BE")
        }
    }

    @Test func structuredDataCannotCloseItsScriptElement() throws {
        let json = StructuredData(site: site, page: try #require(site.reference?.pages.first), strings: try #require(site.reference?.strings),
                                  canonical: "https://x.example/</script><script>alert(1)</script>", language: "nl").json()
        #expect(!json.contains("<"))
        #expect(json.contains("\\u003c/script>"))
    }

    @Test func theSitemapListsEveryPageWithItsAlternates() throws {
        let xml = try #require(files.first { $0.path == "sitemap.xml" }?.contents)
        let reader = SitemapReader()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        #expect(parser.parse(), "sitemap.xml is not well-formed XML")
        let base = "https://help.example.com/"
        let homes = ["nl/", "fr/", "en/"].map { base + $0 }
        let pages = ["nl/klachten/", "fr/plaintes/", "en/complaints/"].map { base + $0 }
        // The home pages first, then every page of each language.
        #expect(Array(reader.locations.prefix(3)) == homes)
        #expect(reader.locations.count == 3 + 3 * site.pageIDs.count)
        for location in homes {
            #expect(reader.alternates[location] == ["nl": homes[0], "fr": homes[1], "en": homes[2], "x-default": base])
        }
        for location in pages {
            #expect(reader.locations.contains(location))
            #expect(reader.alternates[location] == ["nl": pages[0], "fr": pages[1], "en": pages[2], "x-default": pages[0]])
        }
        let robots = String(decoding: try #require(files.first { $0.path == "robots.txt" }).contents, as: UTF8.self)
        #expect(robots.contains("Sitemap: https://help.example.com/sitemap.xml\n"))
    }

    @Test func eachLanguageHasANotFoundPageThatWorksAtAnyAddress() throws {
        for (language, title) in [("nl", "Pagina niet gevonden"), ("fr", "Page introuvable"), ("en", "Page not found")] {
            let html = try text("\(language)/404.html")
            #expect(html.contains("<html lang=\"\(language)\">") && html.contains("<h1>\(title)</h1>"))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/style.css\">"), "root-relative: served at any depth")
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        }
        #expect(try text("fr/404.html").contains("<a href=\"/fr/\" hreflang=\"fr\">"))
    }

    @Test func frenchPagesKeepTheirPunctuationWithTheWordBefore() throws {
        let html = try text("fr/plaintes/index.html")
        #expect(html.contains("plainte\u{202F}?</strong>"), "the introduction's question keeps its mark with the word before")
        #expect(html.contains("9\u{202F}h\u{202F}00"))
        #expect(!html.contains(" ?") && !html.contains(" :"))
        #expect(!(try text("nl/klachten/index.html")).contains("\u{202F}"))
    }

    @Test func phoneNumbersAreSpokenDigitByDigit() throws {
        #expect(ContactView.spokenDigits("00 32 2 370 77 11") == "0 0, 3 2, 2, 3 7 0, 7 7, 1 1")
        #expect(ContactView.spokenDigits("+32 2 547 58 71") == "+ 3 2, 2, 5 4 7, 5 8, 7 1")
        #expect(try text("nl/klachten/index.html").contains("href=\"tel:+3280012033\" aria-label=\"0 8 0 0, 1 2 0, 3 3\">0800 120 33</a>"))
    }

    @Test func headingsInProseFitUnderThePagesOwn() {
        #expect(CommonMark.render("# Titel\n\n## Sub", headingLevel: 3).html == "<h3>Titel</h3>\n<h4>Sub</h4>\n")
        #expect(CommonMark.render("###### Diep", headingLevel: 3).html == "<h6>Diep</h6>\n")
    }
}

/// Collects `<loc>` and `xhtml:link` alternates from a sitemap.
private final class SitemapReader: NSObject, XMLParserDelegate {
    var locations: [String] = []
    var alternates: [String: [String: String]] = [:]
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        if name == "link", namespaceURI == "http://www.w3.org/1999/xhtml", let current = locations.last,
           let language = attributes["hreflang"], let href = attributes["href"] {
            alternates[current, default: [:]][language] = href
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc" { locations.append(text.trimmed) }
    }
}
