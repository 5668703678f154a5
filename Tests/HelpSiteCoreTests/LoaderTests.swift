import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent

@Suite("Loading content")
struct LoaderTests {
    /// Each folder of Fixtures/invalid is one translator's slip; its expected.txt
    /// holds every diagnostic, exactly. HELPSITE_RECORD=1 rewrites them (then read the diff).
    @Test(arguments: [
        "unknown-key", "missing-keys", "wrong-types", "duplicate-key", "empty-values", "tab-indent",
        "bad-facts", "missing-translation", "undeclared-language", "bad-site", "bad-slug",
        "unquoted-colon", "several-files", "duplicate-key-cr-line-ends",
    ])
    func invalidContentIsReportedWithItsPlace(_ name: String) throws {
        let scenario = try Scenario(name)
        try scenario.expectDiagnostics(checking: false)
        #expect(SiteLoader.load(contentDirectory: scenario.content).site == nil)
    }

    /// Each input in Fixtures/fuzz/loader once crashed the loader fuzzer: its first byte
    /// chooses the file the rest replaces (as in Fuzz/LoaderFuzzer), in the shipped content.
    /// Each must now load to a diagnostic.
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: Project.fixtures.appendingPathComponent("fuzz/loader").path).sorted())
    func aFuzzFindingLoadsToADiagnostic(_ name: String) throws {
        let input = try Data(contentsOf: Project.fixtures.appendingPathComponent("fuzz/loader/" + name))
        let targets = ["fr/complaints.yaml", "nl/complaints.yaml", "site.yaml", "fr/language.yaml"]
        let folder = try TemporaryFolder()
        try folder.overlay(URL(fileURLWithPath: Project.content), at: "content")
        try folder.write(input.dropFirst(), to: "content/" + targets[Int(input[0]) % targets.count])
        let (site, diagnostics) = SiteLoader.load(contentDirectory: folder.path + "/content")
        #expect(site == nil && diagnostics.hasErrors)
    }

    @Test func theBaseFixtureLoadsClean() throws {
        let base = Project.fixtures.appendingPathComponent("base/content").path
        let (site, diagnostics) = SiteLoader.load(contentDirectory: base)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let french = try #require(site?.languages.last)
        #expect(french.language.code == "fr")
        let channels = try #require(french.pages.first?.sections.first?.contacts.first?.channels)
        #expect(channels.map(\.id.value) == ["email", "phone", "form"])
        #expect(channels[1].value.value == .phone(written: "02 555 12 34", e164: "+3225551234"))
        #expect(channels[1].hours.first?.days == [.mon, .wed])
        #expect(channels[1].hours.first?.closes == TimeOfDay(hour: 12, minute: 30))
        #expect(channels[2].notLocalised)
    }

    @Test func everyValueKnowsItsLineAndColumn() throws {
        let base = Project.fixtures.appendingPathComponent("base/content").path
        let site = try #require(SiteLoader.load(contentDirectory: base).site)
        let block = try #require(site.languages[0].pages[0].sections[0].contacts.first)
        #expect(block.organisation.location == SourceLocation(file: base + "/nl/complaints.yaml", line: 17, column: 25))
        #expect(block.address?.postalCode.location.line == 22)
        // Markdown starts on the line after `prose: |`, at its indentation.
        let body = try #require(site.languages[0].pages[0].sections[0].markdown.first)
        #expect(body.location == SourceLocation(file: base + "/nl/complaints.yaml", line: 12, column: 11))
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        let original = try site.read("content/fr/complaints.yaml")
        try site.write("\u{FEFF}" + original.replacingOccurrences(of: "\n", with: "\r\n"), to: "content/fr/complaints.yaml")
        let (loaded, diagnostics) = SiteLoader.load(contentDirectory: site.path + "/content")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(loaded?.languages[1].pages[0].title.value == "Plaintes")
    }

    @Test func invalidUTF8IsReportedAtTheLineAndColumnOfTheFirstBadByte() throws {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        // "Plaintes" saved as Latin-1 by a word processor: é is the single byte 0xE9.
        var bytes = Data("slug: plaintes\ntitle: R".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("clamations\n".utf8))
        try site.write(bytes, to: "content/fr/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.description)
        // Line 2, column 9: "title: R" is eight characters; the bad byte is the ninth.
        #expect(messages == ["\(site.path)/content/fr/complaints.yaml:2:9: error: \(site.path)/content/fr/complaints.yaml is not UTF-8 text: the byte 0xE9 cannot start or continue a character; save the file as UTF-8"])
        #expect(UTF8Text.firstInvalidByte(in: bytes)?.offset == 23)
    }

    @Test func emptyAndOversizedFilesAreRefused() throws {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        try site.write("  \n", to: "content/fr/complaints.yaml")
        try site.write(String(repeating: "# padding\n", count: SiteLoader.maximumFileSize / 10 + 1), to: "content/nl/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.message)
        #expect(messages.contains("\(site.path)/content/fr/complaints.yaml is empty"))
        #expect(messages.contains { $0.contains("content/nl/complaints.yaml is 1048580 bytes; content files are limited to 1048576 bytes") })
    }

    func baseSite() throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        return site
    }

    @Test func anchorsAndAliasesAreRefusedEvenAsABomb() throws {
        let site = try baseSite()
        // "Billion laughs": each level doubles the one before; expanded, it would never fit in memory.
        var bomb = "slug: klachten\na0: &a0 [lol, lol]\n"
        for level in 1...30 { bomb += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        try site.write(bomb, to: "content/nl/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.description)
        #expect(messages.contains(
            "\(site.path)/content/nl/complaints.yaml:2:5: error: anchors and aliases (&name, *name) are not supported in content files; write each value out"))
    }

    @Test func deepNestingIsRefused() throws {
        let site = try baseSite()
        try site.write("slug: " + String(repeating: "[", count: 100_000) + "\n", to: "content/fr/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.description)
        #expect(messages.contains(
            "\(site.path)/content/fr/complaints.yaml:1:39: error: nesting deeper than 32 levels of [ and {; a content file is never this deep"))
    }

    @Test func bracketsInQuotedTextAreNotNesting() throws {
        let site = try baseSite()
        let page = try site.read("content/fr/complaints.yaml")
        let title = "title: \"" + String(repeating: "[{", count: 40) + "\"\n"
        let titleLine = try #require(page.range(of: "\ntitle: [^\n]*\n", options: .regularExpression))
        try site.write(page.replacingCharacters(in: titleLine, with: "\n" + title), to: "content/fr/complaints.yaml")
        let (loaded, diagnostics) = SiteLoader.load(contentDirectory: site.path + "/content")
        #expect(!diagnostics.map(\.description).contains { $0.contains("nesting") })
        #expect(loaded?.languages.first { $0.language.code == "fr" }?.pages.first { $0.file.hasSuffix("complaints.yaml") }?.title.value == String(repeating: "[{", count: 40))
    }

    @Test func deepBlockNestingIsRefused() throws {
        let site = try baseSite()
        var yaml = ""
        for level in 0..<100 { yaml += String(repeating: "  ", count: level) + "level\(level):\n" }
        try site.write(yaml, to: "content/fr/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.description)
        #expect(messages.contains(
            "\(site.path)/content/fr/complaints.yaml:65:129: error: nesting deeper than 64 levels; a content file is never this deep"))
    }

    @Test func aDuplicateKeyIsFoundAmongThousands() throws {
        let site = try baseSite()
        var yaml = ""
        for index in 0..<20_000 { yaml += "key\(index): value\n" }
        yaml += "key17: again\n"
        try site.write(yaml, to: "content/fr/complaints.yaml")
        let diagnostics = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics
        let duplicate = try #require(diagnostics.first { $0.message.hasPrefix("duplicate key") })
        #expect(duplicate.message == "duplicate key 'key17' in the same mapping; keep one")
        #expect(duplicate.location.line == 20_001 && duplicate.location.column == 1)
        #expect(duplicate.notes.map(\.location.line) == [18])
    }

    @Test func aSecondDocumentAndAControlCharacterAreSyntaxErrors() throws {
        let site = try baseSite()
        try site.write("slug: complaints\n---\nslug: again\n", to: "content/fr/complaints.yaml")
        try site.write("slug: klachten\ntitle: Klach\u{7}ten\n", to: "content/nl/complaints.yaml")
        let messages = SiteLoader.load(contentDirectory: site.path + "/content").diagnostics.map(\.description)
        #expect(messages.contains(
            "\(site.path)/content/fr/complaints.yaml:2:1: error: YAML: but found another document (expected a single document in the stream)"))
        #expect(messages.contains(
            "\(site.path)/content/nl/complaints.yaml:2:13: error: YAML: control characters are not allowed"))
    }

    @Test func symbolicLinksInContentAreRefused() throws {
        let site = try baseSite()
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/fr/extra.yaml", withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/nl/everything", withDestinationPath: "/")
        let (loaded, diagnostics) = SiteLoader.load(contentDirectory: site.path + "/content")
        #expect(loaded == nil)
        #expect(diagnostics.map(\.message) == [
            "\(site.path)/content/fr/extra.yaml is a symbolic link (to /etc/hostname); content must be files of the project, not links",
            "\(site.path)/content/nl/everything is a symbolic link (to /); content must be files of the project, not links",
        ])
    }
}

@Suite("Ids and slugs")
struct PlainNameTests {
    @Test(arguments: [
        ("klachten", true), ("first-contact", true), ("2nd-review", true), ("a", true), ("0", true),
        ("", false), ("-a", false), ("a-", false), ("a--b", false), ("Klachten", false), ("plaîntes", false),
        ("a b", false), ("a/b", false), ("a_b", false), ("..", false),
    ])
    func plainNames(name: String, plain: Bool) {
        #expect(isPlainName(name) == plain)
    }
}
