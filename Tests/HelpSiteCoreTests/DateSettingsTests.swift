import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
import HelpSitePipeline
@testable import HelpSiteContent
@testable import HelpSiteCheck

/// What site.yaml and language.yaml say about dates, reviews and banned links, read
/// strictly: each slip an error at its place.
@Suite("Settings of dates, reviews and banned links")
struct DateSettingsTests {
    private func scenario(_ file: String, _ old: String, _ new: String) throws -> Scenario {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let text = try scenario.folder.read("content/" + file)
        #expect(text.contains(old), "\(file) has no \(old)")
        try scenario.folder.write(text.replacingOccurrences(of: old, with: new), to: "content/" + file)
        return scenario
    }

    @Test func aReviewPeriodInAnotherUnitIsAnError() throws {
        #expect(try scenario("site.yaml", "review_every: 12 months", "review_every: 12 maanden").diagnostics() == [
            "content/site.yaml:18:15: error: review_every '12 maanden' must be a number of months or years, such as 12 months or 1 year",
        ])
    }

    @Test func aBannedLinkNeedsTheStartOfAnAddressAndAReason() throws {
        let scenario = try scenario("site.yaml", "  - prefix: ec.europa.eu/consumers/odr\n    reason: the EU online dispute resolution platform closed on 20 July 2025\n",
                                    "  - prefix: odr\n  - prefix: ec.europa.eu/consumers/odr\n")
        #expect(scenario.diagnostics() == [
            "content/site.yaml:16:5: error: a banned link is missing the required key 'reason'",
            "content/site.yaml:16:13: error: prefix 'odr' must be the start of an address, such as ec.europa.eu/consumers/odr",
            "content/site.yaml:17:5: error: a banned link is missing the required key 'reason'",
        ])
    }

    @Test func elevenMonthsAndAFormatWithoutTheYearAreErrors() throws {
        let scenario = try scenario("fr/language.yaml", "juin, juillet", "juillet")
        let text = try scenario.folder.read("content/fr/language.yaml")
        try scenario.folder.write(text.replacingOccurrences(of: "format: \"{d} {month} {yyyy}\"", with: "format: \"{d} {month}\""),
                                  to: "content/fr/language.yaml")
        #expect(scenario.diagnostics() == [
            "content/fr/language.yaml:41:11: error: 'months' names 11 months; write the twelve, January first",
            "content/fr/language.yaml:42:11: error: '{d} {month}' must hold {d} or {dd}, {month} and {yyyy}",
        ])
    }

    @Test func aDatedPageNeedsEveryLanguageToSayHowItWritesDates() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        var text = try scenario.folder.read("content/fr/language.yaml")
        let start = try #require(text.range(of: "dates:\n"))
        let end = try #require(text.range(of: "durations:\n"))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        try scenario.folder.write(text, to: "content/fr/language.yaml")
        #expect(scenario.diagnostics(checking: true) == [
            "content/nl/complaints.yaml:5:10: error: page 'complaints' is dated, but the language.yaml of fr has no dates: (months, format, updated); add them to show the date in fr",
        ])
    }

    @Test func aPageWithoutADateIsDueForReviewWhenTheSiteReviewsPages() throws {
        let scenario = try scenario("nl/complaints.yaml", "updated: 2026-01-03\n", "")
        var pipeline = Pipeline(content: scenario.content, generator: nil, cache: scenario.folder.path + "/.helpsite-cache")
        pipeline.today = CalendarDate(iso: "2026-01-04")
        let found = pipeline.check().diagnostics.all
        #expect(found.map(\.code) == [.pageReview] && found.map(\.severity) == [.warning])
        #expect(found.first?.message.hasPrefix("page 'complaints' has no date of last update") == true)
        #expect(found.first?.location.line == 3)
    }
}
