import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteContent
@testable import HelpSiteCheck
@testable import HelpSiteTranslation

@Suite("A new language")
struct NewLanguageTests {
    /// `helpsite new-language de` as the command does it, on a copy of the shipped site.
    func scaffold(_ copy: ShippedCopy, code: String = "de", name: String = "Deutsch") throws -> LanguageScaffold.Plan {
        let plan = try LanguageScaffold.plan(try copy.site(), contentDirectory: copy.content, code: code, name: name)
        try LanguageScaffold.write(plan)
        return plan
    }

    @Test("German from the shipped site: it loads, checks clean, renders, and every text field is untranslated")
    func germanBuildsAndChecks() throws {
        let copy = try ShippedCopy()
        let plan = try scaffold(copy)
        #expect(plan.untranslated == 120)
        let site = try copy.site()
        #expect(site.languages.map(\.language.code) == ["nl", "fr", "en", "de"])
        #expect(site.languages.last?.language.name == "Deutsch")
        #expect(SiteChecker.check(site).isEmpty)
        let files = try TestBuild.render(content: copy.content, templates: copy.folder.path + "/templates")
        #expect(files.contains { $0.path == "de/klachten/index.html" })

        let german = try #require(TranslationStatus.report(site, languages: ["de"]).languages.first)
        let fields = german.parts.flatMap(\.fields)
        #expect(fields.count == 120)
        // Every text is still Dutch; each page's date waits for acceptance like a translated field.
        #expect(fields.filter { $0.key != "updated" }.allSatisfy { $0.state == .untranslated })
        #expect(fields.filter { $0.key == "updated" }.map(\.state) == [.unreviewed, .unreviewed, .unreviewed])
        #expect(german.parts.first { $0.part == "language" }?.completePercent == 0)
        // Facts site.yaml localises per language, kept in Dutch until de is declared.
        let kept = german.parts.flatMap(\.notLocalised).map(\.key)
        #expect(kept.contains("contacts.sfs.address.street"))
        #expect(kept.contains("sections.supervisor.contacts.economy.channels.website.url"))
        // fr and en are as they were.
        #expect(try copy.open(["fr", "en"]).isEmpty)
    }

    @Test("every fact is copied as it is: the German page has the Dutch page's facts, after two comment lines")
    func factsCopied() throws {
        let copy = try ShippedCopy()
        _ = try scaffold(copy)
        let dutch = try copy.folder.read("content/nl/complaints.yaml")
        let german = try copy.folder.read("content/de/complaints.yaml")
        let lines = german.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(2).allSatisfy { $0.hasPrefix("# ") })
        #expect(lines.dropFirst(2).joined(separator: "\n") == dutch)
        #expect(try copy.folder.read("content/de/language.yaml").hasSuffix(try copy.folder.read("content/nl/language.yaml")))
    }

    @Test("site.yaml gains two lines after the last language; its comments and layout stay")
    func siteYAMLKeepsComments() throws {
        let copy = try ShippedCopy()
        let before = try copy.folder.read("content/site.yaml")
        _ = try scaffold(copy)
        let after = try copy.folder.read("content/site.yaml")
        #expect(after == before.replacing("    name: English\n", with: "    name: English\n  - code: de\n    name: Deutsch\n"))
    }

    @Test("site.yaml edits: a list at the margin, Windows line endings, a name that needs quotes, a flow list refused")
    func siteYAMLEdits() throws {
        #expect(try LanguageScaffold.addingLanguage(code: "de", name: "Deutsch", to: "name: X\nlanguages:\n- code: nl\n  name: Nederlands\n  reference: true\n# talen\nplace_names: []\n", file: "site.yaml")
                == "name: X\nlanguages:\n- code: nl\n  name: Nederlands\n  reference: true\n- code: de\n  name: Deutsch\n# talen\nplace_names: []\n")
        #expect(try LanguageScaffold.addingLanguage(code: "de", name: "Deutsch", to: "languages:\r\n    - code: nl\r\n      name: Nederlands\r\n", file: "site.yaml")
                == "languages:\r\n    - code: nl\r\n      name: Nederlands\r\n    - code: de\r\n      name: Deutsch\r\n")
        #expect(try LanguageScaffold.addingLanguage(code: "nl-BE", name: "Nederlands: België", to: "languages:\n  - code: nl\n    name: Nederlands\n", file: "site.yaml")
                == "languages:\n  - code: nl\n    name: Nederlands\n  - code: nl-BE\n    name: \"Nederlands: België\"\n")
        #expect(throws: LanguageScaffold.Failure.self) {
            try LanguageScaffold.addingLanguage(code: "de", name: "Deutsch", to: "languages: [{code: nl, name: Nederlands}]\n", file: "site.yaml")
        }
    }

    @Test("an existing language, an existing folder and a code that is not BCP 47 are refused, and nothing is written")
    func refusals() throws {
        let copy = try ShippedCopy()
        let site = try copy.site()
        let siteText = try copy.folder.read("content/site.yaml")
        #expect(throws: LanguageScaffold.Failure.self) { try LanguageScaffold.plan(site, contentDirectory: copy.content, code: "fr", name: "Français") }
        #expect(throws: LanguageScaffold.Failure.self) { try LanguageScaffold.plan(site, contentDirectory: copy.content, code: "German", name: "Deutsch") }
        try FileManager.default.createDirectory(atPath: copy.content + "/de", withIntermediateDirectories: false)
        #expect(throws: LanguageScaffold.Failure.self) { try LanguageScaffold.plan(site, contentDirectory: copy.content, code: "de", name: "Deutsch") }
        #expect(try copy.folder.read("content/site.yaml") == siteText)
    }

    @Test("accepting a new language keeps what is still Dutch untranslated; a translated field, or one named alone, is recorded")
    func acceptAfterScaffold() throws {
        let copy = try ShippedCopy()
        _ = try scaffold(copy)
        try copy.edit("de/complaints.yaml", "title: Klachtenprocedure", "title: Beschwerdeverfahren")
        let outcome = try Acceptance.accept(try copy.site(), language: "de")
        #expect(outcome.accepted == 4, "the title, and the three pages' dates")
        #expect(outcome.untranslated.count == 116)
        try outcome.write()
        #expect(try copy.open(["de"]).count == 116)
        #expect(!(try copy.open(["de"])).contains("de complaints title untranslated"))
        // A firm's name may stay as the Dutch page writes it: named alone, it is accepted as it is.
        try Acceptance.accept(try copy.site(), language: "de", part: "contacts", field: "contacts.sfs.organisation").write()
        #expect(try copy.open(["de"]).count == 115)
    }

    @Test("an interrupted scaffold leaves no language folder and site.yaml as it was")
    func leftoverStagingIsIgnoredAndReplaced() throws {
        let copy = try ShippedCopy()
        // What a killed run leaves: a hidden staging folder. The loader ignores it, the next run replaces it.
        try copy.folder.write("half", to: "content/.de.helpsite-new/complaints.yaml")
        #expect(SiteLoader.load(contentDirectory: copy.content).diagnostics.isEmpty)
        _ = try scaffold(copy)
        #expect(!FileManager.default.fileExists(atPath: copy.content + "/.de.helpsite-new"))
        #expect(try copy.site().languages.count == 4)
    }
}
