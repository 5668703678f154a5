import Foundation
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSiteCheck
@testable import HelpSitePipeline
import Testing
import HelpSiteTestSupport

/// `helpsite check` reads again only the pages that changed since a run that found them
/// clean, and finds exactly what a check of every page finds.
@Suite("A check that remembers clean pages")
struct CachedCheckTests {
    /// The base fixture with a second page, `contact`, in both languages.
    func twoPageSite() throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        for (code, slug) in [("nl", "klachten"), ("fr", "plaintes")] {
            let page = try site.read("content/\(code)/complaints.yaml")
            try site.write(page.replacingOccurrences(of: "slug: \(slug)", with: "slug: contact-\(code)"), to: "content/\(code)/contact.yaml")
        }
        return site
    }

    /// Reuse is judged against the helpsite that made the record: this test process.
    static let generator = Bundle.main.executablePath

    func check(_ site: TemporaryFolder, cache: Bool = true) -> Pipeline.CheckOutcome {
        Pipeline(content: site.path + "/content", force: !cache, generator: Self.generator).check()
    }

    func messages(_ outcome: Pipeline.CheckOutcome) -> [String] {
        outcome.diagnostics.map(\.description)
    }

    @Test func aSecondRunReadsNothingAgainAndFindsTheSame() throws {
        let site = try twoPageSite()
        let first = check(site)
        #expect(first.reused == 0 && first.pages == 2 && first.diagnostics.isEmpty)
        let second = check(site)
        #expect(second.reused == 2 && second.pages == 2 && second.diagnostics.isEmpty)
    }

    @Test func aSlipInAPageKnownCleanIsFound() throws {
        let site = try twoPageSite()
        _ = check(site)
        let page = try site.read("content/fr/contact.yaml")
        try site.write(page.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35"), to: "content/fr/contact.yaml")
        let cached = check(site)
        #expect(cached.reused == 1)
        #expect(!cached.diagnostics.isEmpty)
        #expect(messages(cached) == messages(check(site, cache: false)))
        // The page with the slip is never recorded as clean: the next run finds it again.
        #expect(messages(check(site)) == messages(check(site, cache: false)))
    }

    @Test func aChangeToWhatEveryPageSharesReadsEverythingAgain() throws {
        let site = try twoPageSite()
        _ = check(site)
        let settings = try site.read("content/site.yaml")
        try site.write(settings + "\n# a comment\n", to: "content/site.yaml")
        #expect(check(site).reused == 0)
    }

    @Test func aSlugTakenFromAPageKnownCleanIsFound() throws {
        let site = try twoPageSite()
        _ = check(site)
        let page = try site.read("content/nl/contact.yaml")
        try site.write(page.replacingOccurrences(of: "slug: contact-nl", with: "slug: klachten"), to: "content/nl/contact.yaml")
        let cached = check(site)
        #expect(cached.reused == 1)
        #expect(messages(cached).contains { $0.contains("two pages of 'nl' have the slug 'klachten'") })
        #expect(messages(cached) == messages(check(site, cache: false)))
    }

    @Test func aBrokenCacheFileIsIgnored() throws {
        let site = try twoPageSite()
        _ = check(site)
        try site.write("helpsite check record 2\nsite nonsense\nend\n", to: ".helpsite-cache/check.txt")
        let outcome = check(site)
        #expect(outcome.reused == 0 && outcome.diagnostics.isEmpty)
        #expect(check(site).reused == 2)
    }

    @Test func anotherVersionOfHelpsiteReadsEverythingAgain() throws {
        let site = try twoPageSite()
        try site.write("version 1", to: "bin/helpsite")
        let generator = site.path + "/bin/helpsite"
        let run = { Pipeline(content: site.path + "/content", generator: generator).check() }
        _ = run()
        #expect(run().reused == 2)
        try site.write("version 2, longer", to: "bin/helpsite")
        #expect(run().reused == 0)
    }

    /// The findings of `helpsite build` (`Pipeline.build()`), which reads and checks the
    /// pages a group at a time, each group but for the pages the record knows clean.
    static func buildCheck(_ content: String) throws -> [String] {
        let output = try TemporaryFolder()
        let pipeline = Pipeline(content: content, templates: Project.templates, output: output.path + "/public", generator: generator)
        switch try pipeline.build() {
        case .failed(let problems): return problems.map(\.description)
        case .built(let summary): return summary.warnings.map(\.description)
        case .upToDate: return []
        }
    }

    /// The build loads every page (it renders them) and checks those not known clean.
    @Test func theBuildsCheckFindsWhatAFullCheckFinds() throws {
        let site = try twoPageSite()
        let content = site.path + "/content"
        func buildCheck() throws -> [String] { try Self.buildCheck(content) }
        #expect(try buildCheck().isEmpty)
        #expect(check(site).reused == 2, "the build's check records the clean pages for the command too")
        let page = try site.read("content/fr/contact.yaml")
        try site.write(page.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35"), to: "content/fr/contact.yaml")
        let full = SiteChecker.check(try #require(SiteLoader.load(contentDirectory: content).site)).map(\.description)
        #expect(!full.isEmpty)
        #expect(try buildCheck() == full)
        #expect(try buildCheck() == full)
    }

    /// The command fingerprints files, the build the text the loader read: a byte-order mark
    /// (which the loader drops) must not make them disagree.
    @Test func theCommandAndTheBuildFingerprintAPageAlike() throws {
        let site = try twoPageSite()
        let page = try site.read("content/fr/contact.yaml")
        try site.write(Data([0xEF, 0xBB, 0xBF]) + Data(page.utf8), to: "content/fr/contact.yaml")
        #expect(try Self.buildCheck(site.path + "/content").isEmpty)
        #expect(check(site).reused == 2)
    }
}

/// The text both records are kept in.
@Suite("Record text")
struct RecordTextTests {
    @Test func fieldsComeBackAsWrittenAndARecordCutShortIsNotRead() throws {
        var writer = RecordText.Writer(header: "helpsite test record 1")
        let awkward = "a\tb\\c\nd\re"
        writer.line(["page", RecordText.escape(awkward), "42"])
        let lines = try #require(RecordText.lines(of: writer.finished, header: "helpsite test record 1"))
        #expect(lines.count == 1)
        #expect(lines[0].count == 3 && RecordText.unescape(lines[0][1]) == awkward && lines[0][2] == "42")
        #expect(RecordText.lines(of: Data(writer.text.utf8), header: "helpsite test record 1") == nil, "no end line")
        #expect(RecordText.lines(of: writer.finished, header: "helpsite test record 2") == nil, "another version")
    }

    /// Fields written one by one read back as `line(_:)` and `escape` write them, numbers as
    /// `String(_:radix:)` writes them.
    @Test func fieldsWrittenOneByOneAreTheLineOfThem() throws {
        let awkward = "a\tb\\c\nd\re — é"
        var byField = RecordText.Writer(header: "h")
        var byLine = RecordText.Writer(header: "h")
        let numbers: [Int64] = [0, 7, -1, 10, 255, Int64.min + 1, Int64.max]
        for number in numbers {
            byField.raw("n")
            byField.text(awkward)
            byField.number(number)
            byField.number(UInt64(bitPattern: number), radix: 16)
            byField.endLine()
            byLine.line(["n", RecordText.escape(awkward), String(number), String(UInt64(bitPattern: number), radix: 16)])
        }
        #expect(byField.finished == byLine.finished)
        let lines = try #require(RecordText.lines(of: byField.finished, header: "h"))
        #expect(lines.map { Int64($0[2])! } == numbers)
        #expect(lines.allSatisfy { RecordText.unescape($0[1]) == awkward })
    }

    /// Lines read as they are written, in every shape a record can be found in: empty fields,
    /// text beyond ASCII, empty lines, and a record whose end is missing or cut off.
    @Test(arguments: [
        ("h\nend\n", [[String]]()),
        ("h\npage\t\tnl/klachten/\t\n\nend\n", [["page", "", "nl/klachten/", ""], [""]]),
        ("h\ntitle\tDernière mise à jour : 3 janvier 2026\tFinanciële €\nend\n",
         [["title", "Dernière mise à jour : 3 janvier 2026", "Financiële €"]]),
    ])
    func linesComeBackFieldForField(text: String, expected: [[String]]) throws {
        let lines = try #require(RecordText.lines(of: Data(text.utf8), header: "h"))
        #expect(lines.map { $0.map(String.init) } == expected)
    }

    @Test(arguments: ["", "h", "h\n", "h\nend", "h\nend\nx", "h\tx\nend\n", "h\nend\tx\n", "x\nend\n"])
    func aRecordWithoutItsHeaderOrItsEndIsNotRead(text: String) {
        #expect(RecordText.lines(of: Data(text.utf8), header: "h") == nil)
    }
}
