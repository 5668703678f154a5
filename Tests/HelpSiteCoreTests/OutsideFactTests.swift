import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// What the online release check reads of an outside page, without a network: its text,
/// whether it says "not found", and whether it still shows a fact of the content, however
/// it writes it.
@Suite("Outside pages and their facts")
struct OutsideFactTests {
    func facts(_ html: String) -> PageFacts {
        PageFacts(html: Array(html.utf8), url: "https://www.ombudsfin.be/nl/contact", region: "BE")
    }

    func fact(_ kind: ExpectedFact.Kind) -> ExpectedFact {
        ExpectedFact(kind: kind, description: "", location: SourceLocation(file: "content/nl/complaints.yaml"))
    }

    @Test func theTextIsWhatAReaderSees() {
        let page = HTMLText(Array("""
            <html><head><title>Contact &amp; adres</title><style>p { content: "x" }</style></head>
            <body><!-- <h1>no</h1> --><script>var a = "<h1>no</h1>";</script>
            <h1 class="big">Ons <b>adres</b></h1><p>Koning<b>straat</b> 8<br>1000&nbsp;Brussel</p></body></html>
            """.utf8))
        #expect(page.title == "Contact & adres")
        #expect(page.firstHeading == "Ons adres")
        #expect(page.text == "Ons adres Koningstraat 8 1000 Brussel")
    }

    @Test(arguments: [
        ("<title>404 Not Found</title>", true), ("<title>Page introuvable</title>", true), ("<h1>Pagina niet gevonden</h1>", true),
        ("<title>Seite nicht gefunden</title>", true), ("<h1>Cette page n’existe plus</h1>", true),
        ("<title>Contact</title><h1>Klachten</h1><p>not found</p>", false), ("<title>Foundation 4040</title>", false),
    ])
    func aSoft404IsToldByItsTitleOrFirstHeading(html: String, soft: Bool) {
        #expect((SoftNotFound.heading(in: Array(html.utf8)) != nil) == soft, "\(html)")
    }

    @Test func phoneNumbersAreMatchedInTheirNormalForm() {
        let page = facts("<p>Bel 02 545 77 70 of +32 (0)2 545 77 71, fax 02/545.77.72.</p><a href='tel:0032 2 545 77 73'>bel</a>")
        for number in ["+3225457770", "+3225457771", "+3225457772", "+3225457773"] {
            #expect(page.shows(fact(.phone(number))), "\(number)")
        }
        #expect(!page.shows(fact(.phone("+3225457779"))))
    }

    @Test func eMailAddressesAndPostalCodesAreMatchedInTheirNormalForm() {
        let page = facts("<p>Mail: <a href='mailto:Ombudsman@OMBUDSFIN.be?subject=Klacht'>ons</a>, of info@Ombudsfin.be. B-1000 Brussel</p>")
        #expect(page.shows(fact(.email("Ombudsman@ombudsfin.be"))))
        #expect(page.shows(fact(.email("info@ombudsfin.be"))))
        #expect(!page.shows(fact(.email("ombudsman@ombudsfin.be"))), "the local part keeps its case")
        #expect(page.shows(fact(.postalCode("1000"))))
        #expect(!page.shows(fact(.postalCode("1040"))))
    }

    @Test func aStreetIsFoundInAnyOfItsFormsWithItsNumber() {
        let street = fact(.street(["Boulevard du Roi Albert II", "Koning Albert II-laan"], number: "8"))
        #expect(facts("<p>Koning Albert II-laan 8 bus 2</p>").shows(street))
        #expect(facts("<p>BOULEVARD DU ROI ALBERT II, 8</p>").shows(street))
        #expect(facts("<p>8, boulevard du Roi Albert II</p>").shows(street))
        #expect(!facts("<p>Koning Albert II-laan 16</p>").shows(street), "another number")
        #expect(!facts("<p>Koning Albert II-laan 88</p>").shows(street), "a number that starts the same")
        #expect(facts("<p>1000 Bruxelles</p>").shows(fact(.city(["Brussel", "Bruxelles"]))))
        #expect(!facts("<p>1000 Bruxelles-Capitale</p>").shows(fact(.city(["Brussels"]))))
    }

    @Test func theFactsComeFromTheReferenceLanguagesContactBlock() throws {
        let copy = try ShippedCopy()
        let site = try copy.site()
        var settings = site.settings
        let at = SourceLocation(file: "content/site.yaml", line: 50, column: 3)
        settings.outsideFacts = [
            OutsidePage(contact: Located("economy", at: at), page: Located("https://economie.fgov.be/nl/contact", at: at),
                        facts: [Located("address", at: at), Located("phone", at: at), Located("fax", at: at)], location: at),
            OutsidePage(contact: Located("ombudsman", at: at), page: Located("https://example.org/", at: at), facts: [Located("email", at: at)], location: at),
        ]
        let (expectations, problems) = OutsideExpectation.resolve(settings, reference: try #require(site.reference))
        #expect(problems.sorted.map(\.message) == [
            "'fax' is not a fact of contact 'economy'; write one of address, email, phone, website",
            "no contact block of nl has the id 'ombudsman'; name one of economy, insurance-ombudsman, ombudsfin, sfs",
        ])
        let economy = try #require(expectations.first)
        #expect(economy.facts.map(\.description) == ["street Koning Albert II-laan 16", "postal code 1000", "city Brussel", "phone number 0800 120 33"])
        #expect(economy.facts.first?.kind == .street(["Boulevard du Roi Albert II", "Koning Albert II-laan"], number: "16"))
        #expect(economy.facts.map(\.location.file).allSatisfy { $0.hasSuffix("nl/complaints.yaml") })
    }
}
