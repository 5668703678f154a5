import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
import HelpSitePipeline
@testable import HelpSiteContent
@testable import HelpSiteRender

/// Fixtures/pages: a site with a page of each layout, contacts shared by two pages, and
/// a navigation in two groups, as a web team would start one.
@Suite("Pages of every layout")
struct LayoutTests {
    static let content = Project.fixtures.appendingPathComponent("pages/content").path

    /// A copy of the pages fixture to break, with its build, so that a failed build can be
    /// seen to leave the previous output alone.
    struct Copy {
        let folder: TemporaryFolder
        var content: String { folder.path + "/content" }
        var output: String { folder.path + "/public" }

        init() throws {
            folder = try TemporaryFolder()
            try folder.overlay(URL(fileURLWithPath: LayoutTests.content), at: "content")
            // What made the build: a rebuild reuses only what the same generator made.
            try folder.write("a stand-in for the helpsite executable", to: "bin/helpsite")
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let text = try folder.read("content/" + file)
            let changed = change(text)
            #expect(changed != text, "the edit of \(file) changed nothing")
            try folder.write(changed, to: "content/" + file)
        }

        func build() throws -> Pipeline.Outcome {
            try Pipeline(content: content, templates: Project.templates, output: output, force: false, generator: folder.path + "/bin/helpsite",
                         cache: folder.path + "/.helpsite-cache").build()
        }

        /// The messages of a failed build, which must have left the output as it was.
        func failures() throws -> [String] {
            let before = try? FileManager.default.contentsOfDirectory(atPath: output).sorted()
            guard case .failed(let problems) = try build() else {
                Issue.record("the build did not fail")
                return []
            }
            #expect((try? FileManager.default.contentsOfDirectory(atPath: output).sorted()) == before)
            return problems.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    @Test func eachLayoutBuildsWithItsOwnStructure() throws {
        let files = try TestBuild.render(content: Self.content)
        let procedure = try TestBuild.page("nl/klachten/index.html", in: files)
        #expect(procedure.contains("<span class=\"step-number\">Stap 2</span> <span class=\"step-title\">Bemiddeling</span>"))
        #expect(!procedure.contains("Stap 3"), "the unnumbered section is no step")
        #expect(procedure.contains("<h2 id=\"insurance\">Verzekeringen</h2>"))
        #expect(procedure.contains("<h3 class=\"list-title\">Wat vermeldt u?</h3>"))
        #expect(procedure.contains("<div class=\"note\">\n<p>U krijgt binnen 5 werkdagen een ontvangstbevestiging.</p>"))

        let article = try TestBuild.page("nl/toegankelijkheid/index.html", in: files)
        #expect(!article.contains("step-number") && article.contains("<h2 id=\"feedback\">Feedback</h2>"))
        #expect(article.contains("\"@type\":\"WebPage\""))

        let faq = try TestBuild.page("fr/questions-frequentes/index.html", in: files)
        #expect(faq.contains("\"@type\":\"FAQPage\""))
        #expect(faq.contains("\"@type\":\"Question\"") && faq.contains("\"name\":\"La médiation est-elle payante\u{202F}?\""))
        #expect(faq.contains("la \\u003ca href=\\\"https://help.voorbeeldbank.example/fr/plaintes/#mediation\\\">médiation\\u003c/a> est gratuite"), "the answer carries its HTML into the JSON-LD")

        let contact = try TestBuild.page("nl/contact/index.html", in: files)
        #expect(contact.contains("\"@type\":\"ContactPage\""))
        let block = try #require(contact.range(of: "<div class=\"contact\" id=\"contact-bank\">"))
        let prose = try #require(contact.range(of: "<p>Wij helpen u graag.</p>"))
        #expect(block.lowerBound < prose.lowerBound, "a contact page shows the contact before the text")
    }

    @Test func aSharedContactIsShownWhereverAPageNamesIt() throws {
        let files = try TestBuild.render(content: Self.content)
        for path in ["fr/plaintes/index.html", "fr/contact/index.html"] {
            let html = try TestBuild.page(path, in: files)
            #expect(html.contains("<h3 class=\"organisation\">Voorbeeldbank SA</h3>"), "\(path)")
            #expect(html.contains("href=\"tel:+3225551234\""), "\(path)")
        }
    }

    @Test func navigationGroupsPagesOnTheHomePageAndOnEachPage() throws {
        let files = try TestBuild.render(content: Self.content)
        let home = try TestBuild.page("fr/index.html", in: files)
        let groups = home.matches(of: try Regex(#"<h2 id="([a-z]+)">([^<]+)</h2>"#)).map { "\($0.output[1].substring ?? "") \($0.output[2].substring ?? "")" }
        #expect(groups == ["help Aide en cas de plainte", "about À propos"])
        #expect(home.contains("<li><a href=\"../fr/accessibilite/\">Accessibilité</a><p>Dans quelle mesure ce site est accessible.</p></li>"))
        let faq = try TestBuild.page("nl/veelgestelde-vragen/index.html", in: files)
        #expect(faq.contains("<li><a href=\"../../nl/klachten/\">Klachten</a></li>"))
        #expect(faq.contains("<li><span aria-current=\"page\">Veelgestelde vragen</span></li>"))
        #expect(!faq.contains("toegankelijkheid/\""), "another group's pages are not this page's")
        let sitemap = try TestBuild.page("sitemap.xml", in: files)
        #expect(sitemap.contains("<loc>https://help.voorbeeldbank.example/fr/</loc>"))
        #expect(sitemap.contains("<loc>https://help.voorbeeldbank.example/nl/toegankelijkheid/</loc>"))
    }

    @Test func anUnknownLayoutIsRefusedWithTheNearestName() throws {
        let copy = try Copy()
        _ = try copy.build()
        try copy.edit("fr/faq.yaml") { $0.replacingOccurrences(of: "layout: faq", with: "layout: fac") }
        #expect(try copy.failures() == ["content/fr/faq.yaml:1:9: error: unknown layout 'fac'; did you mean 'faq'? (layouts: procedure, article, faq, contact)"])
    }

    @Test func aTranslationLaidOutOtherwiseIsRefused() throws {
        let copy = try Copy()
        try copy.edit("fr/accessibility.yaml") { $0.replacingOccurrences(of: "layout: article", with: "layout: procedure") }
        let failures = try copy.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("content/fr/accessibility.yaml:1:9: error: the layout of fr is procedure but article in nl (") == true)
    }

    @Test func anUnknownSharedContactIsRefusedWithTheNearestName() throws {
        let copy = try Copy()
        _ = try copy.build()
        try copy.edit("fr/contact.yaml") { $0.replacingOccurrences(of: "contact: bank", with: "contact: bnak") }
        #expect(try copy.failures() == [
            "content/fr/contact.yaml:11:18: error: unknown shared contact 'bnak'; did you mean 'bank'?\ncontent/fr/contacts.yaml: note: the shared contacts are written here",
        ])
    }

    @Test func aSharedContactIsComparedOnceWhereItIsWritten() throws {
        let copy = try Copy()
        try copy.edit("fr/contacts.yaml") { $0.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35") }
        #expect(try copy.failures() == [
            "content/fr/contacts.yaml:16:16: error: phone +3225551235 differs from nl +3225551234 (content/nl/contacts.yaml:16:16)",
        ])
    }

    @Test func aSectionWhoseIDDiffersIsMissingInOneLanguageAndExtraInTheOther() throws {
        let copy = try Copy()
        try copy.edit("fr/faq.yaml") { $0.replacingOccurrences(of: "id: cost", with: "id: price") }
        #expect(try copy.failures() == [
            "content/fr/faq.yaml:6:3: error: question 'cost' of nl is missing in fr (content/nl/faq.yaml:11:9)",
            "content/fr/faq.yaml:11:9: error: question 'price' is extra in fr: nl does not have it",
        ])
    }

    @Test func blocksOfAnotherKindOrOrderAreRefused() throws {
        let copy = try Copy()
        try copy.edit("fr/complaints.yaml") { $0.replacingOccurrences(of: "      - note: |", with: "      - prose: |") }
        let failures = try copy.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.contains("error: the blocks of step 'first-contact' are prose, contact bank, list, prose in fr but prose, contact bank, list, note in nl") == true)
    }

    @Test func theNavigationNamesPagesThatExistAndEveryLanguageTitlesItsGroups() throws {
        let copy = try Copy()
        try copy.edit("site.yaml") { $0.replacingOccurrences(of: "pages: [complaints, faq]", with: "pages: [complaints, faqs]") }
        try copy.edit("fr/language.yaml") { $0.replacingOccurrences(of: "  about: À propos\n", with: "") }
        #expect(try copy.failures() == [
            "content/site.yaml:19:25: error: navigation group 'help' names page 'faqs', which does not exist; did you mean 'faq'?",
            "content/site.yaml:20:12: error: navigation group 'about' has no title in fr: add it under 'navigation:' in its language.yaml",
        ])
    }

    @Test func aLayoutWithoutItsTemplateIsRefusedAtThePagesLayout() throws {
        let copy = try Copy()
        let templates = try TemporaryFolder()
        try templates.overlay(URL(fileURLWithPath: Project.templates))
        try FileManager.default.removeItem(atPath: templates.path + "/faq.mustache")
        let outcome = try Pipeline(content: copy.content, templates: templates.path, output: copy.output, force: true, generator: nil,
                                   cache: copy.folder.path + "/.helpsite-cache").build()
        guard case .failed(let problems) = outcome else { Issue.record("built without a FAQ template"); return }
        let messages = problems.sorted.map { $0.description.replacingOccurrences(of: copy.folder.path + "/", with: "") }
        #expect(messages == [
            "content/fr/faq.yaml:1:9: error: the layout 'faq' has no template: add faq.mustache to the templates",
            "content/nl/faq.yaml:1:9: error: the layout 'faq' has no template: add faq.mustache to the templates",
        ])
        #expect(!FileManager.default.fileExists(atPath: copy.output))
    }

    @Test func aTemplateNamingAValueItsLayoutNeverHasIsRefused() throws {
        let templates = try TemporaryFolder()
        try templates.overlay(URL(fileURLWithPath: Project.templates))
        try templates.write("<h1>{{title}}</h1>\n{{#sections}}<h2>{{number}} {{title}}</h2>{{/sections}}\n", to: "faq.mustache")
        try templates.write("{{#sections}}{{number}}{{/sections}}\n", to: "procedure.mustache")
        let messages = TemplateSet.load(directory: templates.path).diagnostics.map(\.description)
        #expect(messages == ["\(templates.path)/faq.mustache:2:18: error: the template names 'number', which the faq layout never has"])
    }

    /// A page shows its group's other pages: a rebuild after one of them is renamed renews
    /// them all, and keeps the pages of other groups as they were.
    @Test func aRebuildRenewsTheNavigationOfTheRenamedPagesGroup() throws {
        let copy = try Copy()
        guard case .built = try copy.build() else { Issue.record("the first build failed"); return }
        try copy.edit("nl/faq.yaml") { $0.replacingOccurrences(of: "title: Veelgestelde vragen", with: "title: Vragen en antwoorden") }
        guard case .built(let summary) = try copy.build() else { Issue.record("the rebuild failed"); return }
        // Rendered again: the renamed page in both languages (the switcher), and the other page of
        // its group in its language (the navigation). The other five are kept.
        #expect(summary.kept == 5)
        let procedure = try copy.folder.read("public/nl/klachten/index.html")
        #expect(procedure.contains("<li><a href=\"../../nl/veelgestelde-vragen/\">Vragen en antwoorden</a></li>"))
        #expect(try copy.folder.read("public/nl/index.html").contains(">Vragen en antwoorden</a>"))
    }

    /// A build reads a group of pages at a time; a navigation group is never split between
    /// two, so that each page's navigation is made from pages at hand.
    @Test func readingGroupsNeverSplitANavigationGroup() {
        let ids = (0..<100).map { String(format: "p%03d", $0) }
        func navigation(_ sizes: [Int]) -> [NavigationGroup] {
            var next = 0
            return sizes.enumerated().map { index, size in
                defer { next += size }
                let at = SourceLocation(file: "site.yaml")
                return NavigationGroup(id: Located("g\(index)", at: at), pages: ids[next..<(next + size)].map { Located($0, at: at) })
            }
        }
        let none = SiteLoader.pageGroups(ids)
        #expect(none.map(\.count) == [32, 32, 32, 4])
        let twenties = SiteLoader.pageGroups(ids, navigation: navigation([20, 20, 20, 20, 20]))
        #expect(twenties.map(\.count) == [20, 20, 20, 20, 20])
        let large = SiteLoader.pageGroups(ids, navigation: navigation([10, 50, 5]))
        #expect(large.map(\.count) == [10, 50, 32, 8])
        #expect(Array(large.joined()) == ids)
    }
}
