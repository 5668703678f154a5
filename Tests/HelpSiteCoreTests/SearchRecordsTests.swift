import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSiteSearch

/// What the search index holds of a page: its sections with their anchors, text and terms,
/// and the facts of its contact blocks as data.
@Suite("Search: the records of a page")
struct SearchRecordsTests {
    func base() throws -> Site {
        try #require(SiteLoader.load(contentDirectory: Project.fixtures.appendingPathComponent("base/content").path).site)
    }

    func record(_ language: String, _ id: String, in site: Site, untranslated: Set<HelpSiteModel.SourceLocation> = []) throws -> PageRecord {
        let content = try #require(site.languages.first { $0.language.code == language })
        let page = try #require(content.page(id: id))
        return SearchRecords(settings: site.settings, untranslated: [language: untranslated])
            .record(of: page, in: content, terms: SearchTerms(language: language))
    }

    func terms(_ section: SectionRecord) -> Set<String> {
        Set(section.terms.map(\.term))
    }

    @Test func aPageIsItsTopItsSectionsAndItsContactBlocksEachWithItsAnchor() throws {
        let page = try record("nl", "complaints", in: base())
        #expect(page.path == "nl/klachten/")
        #expect(page.title == "Klachten")
        #expect(page.sections.map(\.anchor) == ["", "first-contact", "contact-bank", "mediation", "contact-ombudsman"])
        #expect(page.sections.map(\.title) == ["Klachten", "Neem contact met ons op", "Voorbeeldbank NV", "Bemiddeling", "Ombudsdienst"])
        // The top: the description, then the introduction as a reader sees it.
        #expect(page.sections[0].text == "Zo dient u een klacht in bij Voorbeeldbank. Niet tevreden? Laat het ons weten.")
        // Markdown is text: a link shows its words, not its address.
        #expect(page.sections[1].text.hasSuffix("Meer uitleg vindt u op onze website."))
        #expect(!page.sections[1].text.contains("https://"))
    }

    @Test func aContactBlockIsTheTextItShowsAndItsFactsAsData() throws {
        let bank = try record("nl", "complaints", in: base()).sections[2]
        #expect(bank.text == "Per e-mail · klachten@voorbeeldbank.example · Telefonisch · 02 555 12 34 · Klachtenformulier · "
            + "www.voorbeeldbank.example/nl/klacht · Per post · Wetstraat 1, bus 3 · 1040 Brussel")
        let terms = terms(bank)
        #expect(terms.contains("025551234"), "the phone number as national digits")
        #expect(terms.contains("klachten@voorbeeldbank.example"), "the e-mail address whole")
        #expect(terms.isSuperset(of: ["klacht", "voorbeeldbank", "exampl"]), "and as words, stemmed")
        #expect(terms.isSuperset(of: ["1040", "wetstrat", "brussel"]), "the postal code and the street as words")
    }

    @Test func factsWrittenInProseAreDataToo() throws {
        let firstContact = try record("nl", "complaints", in: base()).sections[1]
        #expect(terms(firstContact).isSuperset(of: ["025551234", "klachten@voorbeeldbank.example"]))
        let french = try record("fr", "complaints", in: base()).sections[1]
        #expect(terms(french).isSuperset(of: ["025551234", "klachten@voorbeeldbank.example", "ecriv"]))
    }

    @Test func theSameTextGivesTheSameRecordInEveryBuild() throws {
        let site = try base()
        #expect(try record("fr", "complaints", in: site) == record("fr", "complaints", in: site))
    }

    @Test func textMarkedUntranslatedIsLeftOutOfThePagesLanguage() throws {
        let site = try base()
        let french = try #require(site.languages.first { $0.language.code == "fr" }?.page(id: "complaints"))
        // A preview marks the intro and the first section's title as still in the reference language.
        let marks: Set<HelpSiteModel.SourceLocation> = [try #require(french.intro).location, french.sections[0].title.location]
        let page = try record("fr", "complaints", in: site, untranslated: marks)
        #expect(!page.sections[0].text.contains("Dites-le-nous"))
        #expect(page.sections[1].title == "Contactez-nous", "still shown as the section's title")
        #expect(!terms(page.sections[1]).contains("contactez"), "but not searched in French")
        #expect(terms(page.sections[0]).contains("plaint"))
    }

    @Test func aSharedContactIsIndexedOnEveryPageThatShowsIt() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.fixtures.appendingPathComponent("pages/content").path).site)
        for id in ["complaints", "contact"] {
            let page = try record("nl", id, in: site)
            let bank = try #require(page.sections.first { $0.anchor == "contact-bank" })
            #expect(bank.title == "Voorbeeldbank NV")
            #expect(terms(bank).isSuperset(of: ["025551234", "klachten@voorbeeldbank.example", "1040"]))
        }
    }

    /// A group's records weigh a shared contact once and give its section to every page that
    /// shows it: the same records as each page made on its own with the group's terms.
    @Test func aGroupsPagesShareTheirSharedContactsSectionsAndKeepTheirRecords() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.fixtures.appendingPathComponent("pages/content").path).site)
        let content = try #require(site.languages.first { $0.language.code == "nl" })
        let records = SearchRecords(settings: site.settings)
        let group = try #require(records.records(of: site).languages.first)
        let alone = SearchTerms(language: "nl")
        let oneByOne = content.pages.map { records.record(of: $0, in: content, terms: alone) }
        #expect(group.pages == oneByOne.map(IndexedPage.init))
        #expect(group.terms == alone.terms)
        let showing = oneByOne.filter { $0.sections.contains { $0.anchor == "contact-bank" } }
        #expect(showing.count >= 2, "the fixture has two pages that show the shared contact")
    }

    @Test func aPagesFileHoldsWhatAResultShows() throws {
        let page = try record("nl", "complaints", in: base())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page.json)) as? [String: Any])
        #expect(json["u"] as? String == "nl/klachten/")
        #expect(json["t"] as? String == "Klachten")
        let sections = try #require(json["s"] as? [[String]])
        #expect(sections.map { $0[0] } == page.sections.map(\.anchor))
        #expect(sections[2][2] == page.sections[2].text)
    }
}
