import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
import HelpSitePipeline
@testable import HelpSiteContent
@testable import HelpSiteCheck

/// A page that declares `rules: [complaints]` holds every element of a complaints procedure
/// in every language; a link to a banned address fails with its reason.
@Suite("The rules of a complaints procedure")
struct ComplaintsRuleTests {
    /// Fixtures/rules/complaints-procedure: a complete procedure in nl and fr, the base site overlaid.
    private func site(editing edits: [String: [(String, String)]] = [:]) throws -> Scenario {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        for (file, changes) in edits {
            var text = try scenario.folder.read("content/" + file)
            for (old, new) in changes {
                #expect(text.contains(old), "\(file) has no \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try scenario.folder.write(text, to: "content/" + file)
        }
        return scenario
    }

    @Test func theCompleteProcedurePasses() throws {
        #expect(try site().diagnostics(checking: true) == [])
    }

    @Test func theShippedComplaintsPageDeclaresTheRuleAndPasses() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let page = try #require(site.reference?.page(id: "complaints"))
        #expect(page.rules.map(\.value) == [.complaints])
        #expect(Set(page.sections.flatMap(\.roles).map(\.value)) == Set(SectionRole.allCases))
        #expect(ComplaintsRule.check(page, in: site.languages).isEmpty)
    }

    /// Each element removed from every language: an error naming the rule and the element, in each language.
    @Test(arguments: [
        ("how to complain: what to include", [("      - list:\n          title: Vermeld in uw bericht\n          items:\n            - Uw naam en adres\n            - Het nummer van uw rekening\n", "")],
         [("      - list:\n          title: Mentionnez dans votre message\n          items:\n            - Vos nom et adresse\n            - Le numéro de votre compte\n", "")]),
        ("acknowledgement and answer times", [("binnen één maand", "snel")], [("dans un délai d'un mois", "rapidement")]),
        ("whom to contact", [("          departments:\n            - attention: t.a.v.\n              name: Klachtendienst\n              for: particuliere klanten\n", "")],
         [("          departments:\n            - attention: À l'attention du\n              name: Service des plaintes\n              for: clients particuliers\n", "")]),
        ("the ADR entity", [("              url: https://www.ombudsdienst.example/nl", "              email: info@ombudsdienst.example")],
         [("              url: https://www.ombudsdienst.example/nl", "              email: info@ombudsdienst.example")]),
    ])
    func removingAnElementFromEveryLanguageFailsWithTheRuleAndTheElement(
        element: String, dutch: [(String, String)], french: [(String, String)]
    ) throws {
        let findings = try site(editing: ["nl/complaints.yaml": dutch, "fr/complaints.yaml": french]).findings()
        let missing = findings.filter { $0.code == .ruleMissing }
        #expect(missing.count == 2, "\(findings)")
        for (finding, code) in zip(missing.sorted { $0.location.file < $1.location.file }, ["fr", "nl"]) {
            #expect(finding.message.hasPrefix("the complaints procedure (rules: complaints) lacks \(element) in \(code): "))
            #expect(finding.location.file.hasSuffix("content/\(code)/complaints.yaml"))
        }
    }

    @Test func aMissingElementIsReportedAtItsSection() throws {
        let scenario = try site(editing: ["fr/complaints.yaml": [("dans un délai d'un mois", "rapidement")]])
        let diagnostics = scenario.diagnostics(checking: true)
        #expect(Array(diagnostics.prefix(2)) == [
            "content/fr/complaints.yaml:6:9: error: the complaints procedure (rules: complaints) lacks acknowledgement and answer times in fr: section 'first-contact' (role: response-times) needs a note with two durations, a number and a unit of time each (durations: in language.yaml lists the units)",
            "content/nl/complaints.yaml:6:9: note: the rule is declared here",
        ])
        // The number check sees the same slip from its side: the Dutch month has no French counterpart.
        #expect(diagnostics.dropFirst(2).count == 1 && diagnostics.last?.contains("has no counterpart in fr") == true, "\(diagnostics)")
    }

    @Test func aProcedureWithoutTheRoleFailsAtThePageFile() throws {
        let findings = try site(editing: ["nl/complaints.yaml": [("    role: supervisor\n", "")]]).findings()
        let messages = findings.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line) \($0.message)" }
        #expect(messages == [
            "fr/complaints.yaml:0 the complaints procedure (rules: complaints) lacks the supervisor in fr: no section has role: supervisor",
            "nl/complaints.yaml:0 the complaints procedure (rules: complaints) lacks the supervisor in nl: no section has role: supervisor",
        ])
    }

    @Test func theSecondReviewIsCheckedOnlyWhenDeclared() throws {
        #expect(try site(editing: ["nl/complaints.yaml": [("    role: second-review\n", "")]]).findings().isEmpty)
    }

    @Test func anUnknownRoleOrRuleIsAnErrorWithASuggestion() throws {
        let scenario = try site(editing: ["nl/complaints.yaml": [("role: supervisor", "role: supervisr"), ("rules: [complaints]", "rules: [complaint]")]])
        #expect(scenario.diagnostics() == [
            "content/nl/complaints.yaml:6:9: error: unknown rule 'complaint'; did you mean 'complaints'? (rules: complaints)",
            "content/nl/complaints.yaml:57:11: error: unknown role 'supervisr'; did you mean 'supervisor'? (roles: how-to-complain, contact-point, response-times, second-review, adr-entity, supervisor)",
        ])
    }

    @Test func aLinkToTheClosedODRPlatformFailsWithItsReason() throws {
        let scenario = try site(editing: [
            "nl/complaints.yaml": [("Wend u daarna tot de Ombudsdienst.", "Wend u daarna tot de Ombudsdienst of [het ODR-platform](https://ec.europa.eu/consumers/odr/main/?event=main.home2.show).")],
            "fr/complaints.yaml": [("url: https://www.ombudsdienst.example/nl", "url: http://EC.europa.eu/consumers/odr")],
        ])
        let lines = scenario.diagnostics(checking: true).filter { $0.contains("bans") }
        #expect(lines == [
            "content/fr/complaints.yaml:49:20: error: 'http://EC.europa.eu/consumers/odr' links to ec.europa.eu/consumers/odr, which site.yaml bans: the EU online dispute resolution platform closed on 20 July 2025",
            "content/nl/complaints.yaml:47:67: error: 'https://ec.europa.eu/consumers/odr/main/?event=main.home2.show' links to ec.europa.eu/consumers/odr, which site.yaml bans: the EU online dispute resolution platform closed on 20 July 2025",
        ])
    }

    /// A shared contact's web address is checked once, in its contacts.yaml, however many pages show it.
    @Test func aBannedAddressInTheSharedContactsIsReportedOncePerLanguage() throws {
        let copy = try ShippedCopy()
        for code in ["nl", "fr", "en"] {
            try copy.edit("\(code)/contacts.yaml", "      - id: email-b2b\n",
                          "      - id: odr\n        url: https://ec.europa.eu/consumers/odr/main/index.cfm\n      - id: email-b2b\n")
        }
        let found = Pipeline(content: copy.content, generator: nil, cache: copy.folder.path + "/.helpsite-cache").check().diagnostics.all
        #expect(found.map(\.code) == [.factBanned, .factBanned, .factBanned], "\(found)")
        #expect(Set(found.map { $0.location.file.split(separator: "/").suffix(2).joined(separator: "/") })
                == ["nl/contacts.yaml", "fr/contacts.yaml", "en/contacts.yaml"])
        #expect(found.allSatisfy { $0.message.contains("closed on 20 July 2025") })
    }

    @Test func aBannedPrefixMatchesTheAddressNotALongerName() {
        let ban = BannedLink(prefix: Located("ec.europa.eu/consumers/odr", at: SourceLocation(file: "site.yaml")),
                             reason: Located("closed", at: SourceLocation(file: "site.yaml")))
        #expect(ban.matches("https://ec.europa.eu/consumers/odr/"))
        #expect(ban.matches("https://www.ec.europa.eu/consumers/odr?lang=nl"))
        #expect(!ban.matches("https://ec.europa.eu/consumers/odrive"))
        #expect(!ban.matches("https://ec.europa.eu/consumers/"))
    }

    @Test func theShippedSiteBansTheODRPlatform() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let ban = try #require(site.settings.bannedLinks.first)
        #expect(ban.prefix.value == "ec.europa.eu/consumers/odr")
        #expect(ban.reason.value.contains("20 July 2025"))
    }

    @Test func durationsAreNumbersBeforeUnitsOfTime() {
        let dutch = DurationWords(units: ["werkdagen", "maand"], numbers: ["één"])
        #expect(dutch.count(in: "binnen **5 werkdagen** en uiterlijk binnen één maand") == 2)
        #expect(dutch.count(in: "binnen vijf werkdagen") == 0)
        let english = DurationWords(units: ["working days", "month"], numbers: ["one"])
        #expect(english.count(in: "within 5 working days, within one month") == 2)
        // ASCII text is read over its bytes; an accent anywhere reads it by Characters: the same words.
        for text in ["Within 5 Working Days; ONE month.", "within 5-working-days\r\nor one\tmonth", "within 5working days", "one"] {
            #expect(english.count(in: text) == english.count(in: text + " é"), "\(text.debugDescription)")
        }
        #expect(english.count(in: "Within 5 Working Days; ONE month.") == 2)
    }
}
