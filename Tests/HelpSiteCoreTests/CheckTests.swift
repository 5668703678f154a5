import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteContent
@testable import HelpSiteCheck

@Suite("Checking facts across languages")
struct CheckTests {
    /// Each folder of Fixtures/check is a translator's slip in the French page of
    /// the base site; its expected.txt holds every diagnostic, exactly.
    @Test(arguments: [
        "changed-digit", "dropped-email", "swapped-house-number", "wrong-postal-code", "missing-box",
        "url-typo-in-prose", "url-dropped-from-prose", "phone-added-in-one-language", "changed-hours",
        "missing-step", "missing-channel", "empty-channel", "misspelt-street-name", "undeclared-street-name", "wrong-url-variant",
        "steps-reordered", "invalid-phone-in-prose", "unsafe-link",
        "number-digit-differs", "number-word-differs", "number-unit-differs", "number-amount-differs", "number-percent-differs",
        "number-unpaired", "domain-in-text-differs", "domain-in-text-dropped", "link-text-names-another-domain",
    ])
    func eachSlipIsCaughtWithItsPlace(_ name: String) throws {
        let scenario = try Scenario(name, in: "check")
        try scenario.expectDiagnostics(checking: true)
        #expect(!scenario.diagnostics(checking: true).isEmpty)
    }

    @Test(arguments: ["pass-phone-written-three-ways", "pass-prose-reworded", "pass-email-domain-case", "pass-numbers-written-differently"])
    func sameFactsWrittenDifferentlyPass(_ name: String) throws {
        let scenario = try Scenario(name, in: "check")
        #expect(scenario.diagnostics(checking: true) == [])
    }

    /// The base site writes the street, the city and one web address differently in
    /// French, as site.yaml declares: no finding.
    @Test func declaredNamesAndURLVariantsPass() throws {
        let base = Project.fixtures.appendingPathComponent("base/content").path
        let site = try #require(SiteLoader.load(contentDirectory: base).site)
        let address = try #require(site.languages[1].pages[0].sections[0].contacts[0].address)
        #expect(address.street.value == "Rue de la Loi" && address.city.value == "Bruxelles")
        #expect(site.languages[1].pages[0].sections[0].markdown.first?.source.contains("/fr/explication") == true)
        #expect(SiteChecker.check(site).isEmpty)
    }

    @Test func theShippedContentAgrees() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let findings = SiteChecker.check(site)
        #expect(findings.isEmpty, "\(findings.sorted)")
    }

    @Test func aDifferenceNamesKindLanguagesBothValuesAndBothPlaces() throws {
        let finding = try #require(try Scenario("changed-digit", in: "check").findings().first)
        #expect(finding.code == .factDiffers)
        #expect(finding.message.hasPrefix("phone +3225551235 differs from nl +3225551234 ("))
        #expect(finding.location.file.hasSuffix("content/fr/complaints.yaml") && finding.location.line == 31)
        #expect(finding.related.count == 1 && finding.related[0].file.hasSuffix("content/nl/complaints.yaml"))
        #expect(finding.related.first?.line == 30)
    }

    @Test func theSwappedOmbudsmanNumbersOfTheSeedAreCaught() throws {
        // The realistic slip FACTS.md warns of: Ombudsfin at 8 box 2, the supervisor at 16, swapped in French.
        let site = try TemporaryFolder()
        try site.overlay(URL(fileURLWithPath: Project.content), at: "content")
        let french = try site.read("content/fr/complaints.yaml")
        let swapped = french.replacingOccurrences(of: "number: \"8\"", with: "number: \"@@\"")
            .replacingOccurrences(of: "number: \"16\"", with: "number: \"8\"").replacingOccurrences(of: "number: \"@@\"", with: "number: \"16\"")
        try site.write(swapped, to: "content/fr/complaints.yaml")
        let loaded = try #require(SiteLoader.load(contentDirectory: site.path + "/content").site)
        let messages = SiteChecker.check(loaded).sorted.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("house number 16 differs from nl 8 (") == true)
        #expect(messages.last?.hasPrefix("house number 8 differs from nl 16 (") == true)
    }
}
