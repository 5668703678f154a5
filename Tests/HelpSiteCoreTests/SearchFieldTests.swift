import Foundation
import Testing
import HelpSiteTestSupport

/// The search field of issue #16 as the build writes it: on every page of one language,
/// in that language's words, sent to that language's home page when the script does not
/// run; none where a page speaks every language. What it finds is for the browser tests.
@Suite("The search field")
struct SearchFieldTests {
    /// Each page of one language, with the path from it to the site's root and its home page.
    static let pages: [(path: String, lang: String, root: String, home: String)] = [
        ("nl/klachten/index.html", "nl", "../../", "../../nl/"),
        ("fr/questions-frequentes/index.html", "fr", "../../", "../../fr/"),
        ("en/contact-us/index.html", "en", "../../", "../../en/"),
        ("fr/index.html", "fr", "../", "./"),
        ("en/404.html", "en", "/", "/en/"),
    ]
    static let labels = [
        "nl": ("Zoeken op deze site", "Zoeken", "Geen resultaten voor ‘{query}’ in de Nederlandstalige pagina&#39;s."),
        "fr": ("Rechercher sur ce site", "Rechercher", "Aucun résultat pour «\u{A0}{query}\u{A0}» dans les pages en français."),
        "en": ("Search this site", "Search", "No results for “{query}” in the English pages."),
    ]

    @Test func everyPageOfOneLanguageHasTheFieldInItsWords() throws {
        let files = try TestBuild.render()
        for page in Self.pages {
            let html = try TestBuild.page(page.path, in: files)
            let (label, button, nothing) = try #require(Self.labels[page.lang])
            #expect(html.contains("<script type=\"module\" src=\"\(page.root)search/ui.js\"></script>"), "\(page.path)")
            #expect(html.contains("<div class=\"site-search\" role=\"search\" aria-labelledby=\"site-search-label\""), "\(page.path)")
            #expect(html.contains("<form class=\"site-search-form\" action=\"\(page.home)\" method=\"get\">"), "\(page.path)")
            #expect(html.contains("<label id=\"site-search-label\" for=\"site-search-field\">\(label)</label>"), "\(page.path)")
            #expect(html.contains("<input id=\"site-search-field\" type=\"search\" name=\"q\""), "\(page.path)")
            #expect(html.contains("<button type=\"submit\">\(button)</button>"), "\(page.path)")
            #expect(html.contains("data-nothing=\"\(nothing)\""), "\(page.path)")
            // In the header, before the page's own content.
            let header = try #require(html.range(of: "</header>")).lowerBound
            #expect(try #require(html.range(of: "class=\"site-search\"")).lowerBound < header, "\(page.path)")
        }
        #expect(files.contains { $0.path == "search/ui.js" })
    }

    /// The index is one language's: a page of every language offers the languages' home pages instead.
    @Test func thePagesOfEveryLanguageHaveNone() throws {
        let files = try TestBuild.render()
        for path in ["index.html", "404.html"] {
            let html = try TestBuild.page(path, in: files)
            #expect(!html.contains("site-search") && !html.contains("<script type=\"module\""), "\(path)")
        }
    }

    @Test func aCountWithoutItsNumberAndNothingFoundWithoutTheQueryAreErrors() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let text = try scenario.folder.read("content/fr/language.yaml")
        let slipped = text.replacingOccurrences(of: "search_many: \"{n} résultats\"", with: "search_many: \"N résultats\"")
            .replacingOccurrences(of: "« {query} »", with: "« {requête} »")
        #expect(slipped != text)
        try scenario.folder.write(slipped, to: "content/fr/language.yaml")
        #expect(scenario.diagnostics() == [
            "content/fr/language.yaml:23:16: error: 'N résultats' lacks the placeholder {n}",
            "content/fr/language.yaml:24:19: error: 'Aucun résultat pour « {requête} » dans les pages en français.' lacks the placeholder {query}",
        ])
    }
}
