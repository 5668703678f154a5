import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteMarkdown
@testable import HelpSiteContent

@Suite("Markdown through cmark-gfm")
struct MarkdownTests {
    @Test func commonMarkBasics() {
        let html = CommonMark.render("**Heeft u een klacht?** Lees *verder*.\n\n- een\n- twee\n").html
        #expect(html == "<p><strong>Heeft u een klacht?</strong> Lees <em>verder</em>.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n")
    }

    @Test func gfmExtensionsAreOn() {
        let table = CommonMark.render("| dag | uren |\n|---|---|\n| ma | 9–11 |\n").html
        #expect(table.contains("<table>") && table.contains("<th>dag</th>") && table.contains("<td>9–11</td>"))
        #expect(CommonMark.render("~~oud~~").html == "<p><del>oud</del></p>\n")
        #expect(CommonMark.render("Zie www.ombudsfin.be of info@ombudsfin.be").html
            == "<p>Zie <a href=\"http://www.ombudsfin.be\">www.ombudsfin.be</a> of <a href=\"mailto:info@ombudsfin.be\">info@ombudsfin.be</a></p>\n")
    }

    @Test func rawHTMLIsShownAsTextNeverPassedThrough() {
        let block = CommonMark.render("<script>alert(1)</script>\n").html
        #expect(block == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        let inline = CommonMark.render("Klik <img src=x onerror=alert(1)> hier").html
        #expect(inline == "<p>Klik &lt;img src=x onerror=alert(1)&gt; hier</p>\n")
        #expect(!block.contains("<script") && !inline.contains("<img"))
    }

    @Test func unsafeLinkDestinationsAreDropped() {
        let html = CommonMark.render("[klik](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x)").html
        #expect(!html.contains("javascript:") && !html.contains("data:text") && !html.contains("vbscript:"))
    }

    @Test func linksAreReportedWithTheirPlace() {
        let links = CommonMark.links(in: "Eerst tekst.\n\nZie [de site](https://consumerconnect.be) en\nwww.ombudsfin.be.\n")
        #expect(links.map(\.destination) == ["https://consumerconnect.be", "http://www.ombudsfin.be"])
        #expect(links.first?.line == 3)
        #expect(links.first?.column == 5)
    }

    /// On Linux the library's per-parse writes to its table of special characters are
    /// turned off (CCmarkConcurrency), and the build parses on every core. Were the
    /// dynamic linker to stop honouring that, parses would fall back to one at a time:
    /// still right, but the build would lose most of its second core.
    @Test func documentsAreParsedOnSeveralThreadsAtOnce() {
        #expect(CommonMark.parsesConcurrently)
        #expect(CommonMark.render("~~weg~~ en www.ombudsfin.be").html
            == "<p><del>weg</del> en <a href=\"http://www.ombudsfin.be\">www.ombudsfin.be</a></p>\n")
    }

    /// The build checks a group of pages and then renders them, parsing each text once:
    /// what it renders must be what a fresh parse renders, however often a text is read.
    @Test func aParseSharedByTheCheckAndTheRendererRendersTheSame() {
        let texts = ["# Titel\n\n<b>rauw</b> en [link](https://ombudsfin.be) en ~~weg~~", "Bel 02 545 77 70.", "# Titel\n\n<b>rauw</b> en [link](https://ombudsfin.be) en ~~weg~~"]
        let fresh = texts.map { CommonMark.render($0, headingLevel: 3).html }
        let freshScans = texts.map { CommonMark.scan($0) }
        let parses = MarkdownParses()
        let scans = texts.map { CommonMark.scan($0, parses: parses) } + texts.map { CommonMark.scan($0, parses: parses) }
        // The plain text the check's scan left for the index is the text's own.
        let plain = texts.map { CommonMark.plainText($0, parses: parses) }
        #expect(plain == texts.map { CommonMark.plainText($0) })
        #expect(plain[0] == "Titel\n<b>rauw</b> en link en weg\n\n")
        let shared = texts.map { CommonMark.render($0, headingLevel: 3, parses: parses).html }
        let again = texts.map { CommonMark.render($0, headingLevel: 3, parses: parses).html }
        #expect(shared == fresh)
        #expect(again == fresh, "a text rendered twice gets the HTML of its first rendering")
        // The HTML is kept by heading level: the same text under another level is rendered for it.
        let otherLevel = CommonMark.render(texts[0], headingLevel: 2, parses: parses).html
        #expect(otherLevel == CommonMark.render(texts[0], headingLevel: 2).html && otherLevel.contains("<h2>Titel</h2>"))
        #expect(scans == freshScans + freshScans)
        #expect(fresh[0].contains("<h3>Titel</h3>") && fresh[0].contains("&lt;b&gt;rauw") && fresh[0].contains("<del>weg</del>"))
    }

    /// cmark-gfm's global tables are written when extensions are attached and (unless
    /// pinned) on every parse; parsing on several threads must give what parsing on one
    /// gives (and, under `swift test --sanitize=thread`, report no race).
    @Test func parsingOnSeveralThreadsGivesWhatOneThreadGives() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let pages = site.languages.flatMap(\.pages)
        let sources: [String] = pages.flatMap { page in page.markdown.map(\.source) } + ["| a | b |\n|---|---|\n| ~~x~~ | www.example.be |", "<b>raw</b> and *emphasis* and info@example.be"]
        let inputs = Array(repeating: sources, count: 20).flatMap { $0 }
        let serial = inputs.map { CommonMark.render($0).html }
        let parallel = inputs.concurrentMap { CommonMark.render($0).html }
        let first = zip(parallel, serial).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(first == nil, "first difference at \(first?.offset ?? -1): \(first?.element.0.prefix(80) ?? "") vs \(first?.element.1.prefix(80) ?? ""); counts \(parallel.count) \(serial.count)")
        let scanned = inputs.concurrentMap { CommonMark.scan($0) }
        #expect(scanned == inputs.map { CommonMark.scan($0) })
    }
}
