import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
import HelpSitePipeline
import HelpSiteTranslation
@testable import HelpSitePublish
@testable import HelpSiteContent
@testable import HelpSiteCheck

/// Each page's date of last update: kept in the reference's file, shown in every language
/// as it writes dates, in the JSON-LD and the sitemap, and judged against `review_every`
/// on a day the test gives.
@Suite("Dated pages")
struct DatedPageTests {
    @Test func aStrictISODateAndNothingElse() {
        #expect(CalendarDate(iso: "2026-01-03")?.description == "2026-01-03")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        for wrong in ["2026-1-3", "03/01/2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026-01-03T10:00", " 2026-01-03"] {
            #expect(CalendarDate(iso: wrong) == nil, "\(wrong)")
        }
        #expect(CalendarDate(iso: "2026-01-31")?.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate(iso: "2026-01-03")?.adding(months: 12).description == "2027-01-03")
        #expect(ReviewPeriod("12 months")?.months == 12 && ReviewPeriod("1 year")?.months == 12)
        #expect(ReviewPeriod("12 maanden") == nil && ReviewPeriod("1 months") == nil)
    }

    /// The build record keeps each page's date, so that a rebuild that reads no page still
    /// writes the sitemap's lastmod.
    @Test func theBuildRecordKeepsThePageDate() throws {
        let file = "content/nl/klachten.yaml"
        let at = SourceLocation(file: file, line: 2, column: 7)
        var summary = PageSummary(id: "klachten", file: file, slug: Located("klachten", at: at), title: Located("Klachten", at: at),
                                  description: "Zo dient u een klacht in.", fingerprint: Fingerprint(value: 42))
        summary.updated = Located(CalendarDate(year: 2026, month: 1, day: 3)!, at: SourceLocation(file: file, line: 5, column: 10))
        let manifest = BuildManifest(inputs: [:], outputs: [:], summaries: [file: summary])
        #expect(String(decoding: manifest.data, as: UTF8.self).contains("\t2026-01-03\t5\t10\n"))
        #expect(BuildManifest(data: manifest.data) == manifest)
    }

    @Test func aBadDateIsAnErrorAtItsPlace() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let page = try scenario.folder.read("content/nl/complaints.yaml")
        try scenario.folder.write(page.replacingOccurrences(of: "updated: 2026-01-03", with: "updated: 3 januari 2026"),
                                  to: "content/nl/complaints.yaml")
        #expect(scenario.diagnostics() == [
            "content/nl/complaints.yaml:5:10: error: '3 januari 2026' is not a date; write it as YYYY-MM-DD, such as 2026-01-03",
        ])
    }

    @Test func aTranslationWritesNoOtherDate() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let page = try scenario.folder.read("content/fr/complaints.yaml")
        try scenario.folder.write(page.replacingOccurrences(of: "sections:\n", with: "updated: 2026-02-01\nsections:\n"),
                                  to: "content/fr/complaints.yaml")
        #expect(scenario.diagnostics(checking: true) == [
            "content/fr/complaints.yaml:5:10: error: the date of last update is kept in the nl file (content/nl/complaints.yaml); remove 'updated' here, or write the nl date: every language shows it",
        ])
    }

    @Test func eachLanguageWritesTheDateItsWay() {
        let dutch = DateStrings(months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                                         "oktober", "november", "december"], format: "{d} {month} {yyyy}", updated: "Laatst bijgewerkt op {date}")
        let french = DateStrings(months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                                          "octobre", "novembre", "décembre"], format: "{d} {month} {yyyy}",
                                 updated: "Dernière mise à jour : {date}", firstDay: "1er")
        let date = CalendarDate(year: 2026, month: 1, day: 3)!
        #expect(dutch.updatedLine(date) == "Laatst bijgewerkt op 3 januari 2026")
        #expect(french.updatedLine(date) == "Dernière mise à jour : 3 janvier 2026")
        #expect(french.write(CalendarDate(year: 2026, month: 8, day: 1)!) == "1er août 2026")
    }

    @Test func theThreeShippedPagesShowTheirLocalisedDate() throws {
        let files = try TestBuild.render()
        let expected = [
            "nl/klachten/index.html": "Laatst bijgewerkt op 4 december 2026",
            "fr/plaintes/index.html": "Dernière mise à jour\u{A0}: 4 décembre 2026",
            "en/complaints/index.html": "Last updated 4 December 2026",
        ]
        for (path, line) in expected {
            let html = try TestBuild.page(path, in: files)
            #expect(html.contains("<time datetime=\"2026-12-04\">"), "\(path)")
            #expect(visibleText(html).contains(line.replacingOccurrences(of: "\u{A0}", with: " ")) || html.contains(line), "\(path)")
            #expect(html.contains("\"dateModified\":\"2026-12-04\""), "\(path)")
        }
        let sitemap = try TestBuild.page("sitemap.xml", in: files)
        for path in expected.keys {
            let loc = "<loc>https://help.example.com/\(path.replacingOccurrences(of: "index.html", with: ""))</loc>\n    <lastmod>2026-12-04</lastmod>"
            #expect(sitemap.contains(loc), "\(path)")
        }
    }

    /// The review warning, judged on the day the test gives, through the check of `helpsite check`.
    @Test func aPageOlderThanTheReviewPeriodIsAWarning() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let cache = scenario.folder.path + "/.helpsite-cache"
        func check(on day: String) -> [Diagnostic] {
            var pipeline = Pipeline(content: scenario.content, generator: nil, cache: cache)
            pipeline.today = CalendarDate(iso: day)
            return pipeline.check().diagnostics.sorted
        }
        #expect(check(on: "2027-01-03") == [])
        let due = check(on: "2027-01-04")
        #expect(due.map(\.severity) == [.warning] && due.map(\.code) == [.pageReview])
        #expect(due.first?.description == "\(scenario.content)/nl/complaints.yaml:5:10: warning: page 'complaints' was last updated on 2026-01-03, more than 1 year ago (review_every in site.yaml): review it, then set 'updated' to the day of the review")
    }

    @Test func theReviewWarningStandsWhenTheCheckReusesItsRecord() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        let generator = scenario.folder.path + "/helpsite"
        try scenario.folder.write("a stand-in for the executable", to: "helpsite")
        func check(on day: String) -> Pipeline.CheckOutcome {
            var pipeline = Pipeline(content: scenario.content, generator: generator, cache: scenario.folder.path + "/.helpsite-cache")
            pipeline.today = CalendarDate(iso: day)
            return pipeline.check()
        }
        #expect(check(on: "2026-06-01").diagnostics.all.isEmpty)
        let later = check(on: "2027-06-01")
        #expect(later.reused == 1)
        #expect(later.diagnostics.map(\.code) == [.pageReview])
        #expect(later.diagnostics.all.first?.location.line == 5)
    }

    @Test func statusShowsTheDateAndAnAcceptedTranslationGoesStaleWhenTheDateChanges() throws {
        let scenario = try Scenario("complaints-procedure", in: "rules")
        func report() throws -> PartStatus {
            let site = try #require(SiteLoader.load(contentDirectory: scenario.content).site)
            return try #require(TranslationStatus.report(site).languages.first?.parts.first { $0.part == "complaints" })
        }
        #expect(try report().updated == "2026-01-03")
        let site = try #require(SiteLoader.load(contentDirectory: scenario.content).site)
        try Acceptance.accept(site, language: "fr").write()
        #expect(try report().fields.first { $0.key == "updated" }?.state == .current)
        let page = try scenario.folder.read("content/nl/complaints.yaml")
        try scenario.folder.write(page.replacingOccurrences(of: "updated: 2026-01-03", with: "updated: 2026-03-01"),
                                  to: "content/nl/complaints.yaml")
        let part = try report()
        #expect(part.updated == "2026-03-01")
        #expect(part.fields.filter { $0.state != .current }.map(\.key) == ["updated"])
        #expect(part.fields.first { $0.key == "updated" }?.state == .stale)
    }
}
