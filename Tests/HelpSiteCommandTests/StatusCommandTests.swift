import Foundation
import Testing
import HelpSiteTestSupport

/// `helpsite status` and `helpsite new-language` as a user runs them.
@Suite("The status and new-language commands")
struct StatusCommandTests {
    let command = HelpsiteRunner()

    @Test("--strict passes on the shipped site and fails, with the stale field's place, once a Dutch body changes")
    func strictExitCodes() throws {
        let copy = try ShippedCopy()
        let clean = try command.helpsite("status", "--strict", in: copy.folder.path)
        #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
        #expect(clean.output.hasSuffix("fr: all 120 fields current (1 not localised); en: all 120 fields current (1 not localised)\n"))
        try copy.edit("nl/complaints.yaml", "op met de\n          toezichthouder.", "op met de\n          bevoegde toezichthouder.")
        let stale = try command.helpsite("status", "--strict", in: copy.folder.path)
        #expect(stale.status == 1)
        let frLine = try copy.line(of: "Pour signaler un manquement", in: "fr/complaints.yaml")
        let nlLine = try copy.line(of: "Wilt u een tekortkoming", in: "nl/complaints.yaml")
        #expect(stale.output.contains("\ncontent/fr/complaints.yaml:\(frLine):11: stale: sections.supervisor.prose.1 (nl changed at content/nl/complaints.yaml:\(nlLine):11)\n"))
        #expect(stale.output.contains("fr        complaints      43      100%       42      1           0             0        0              1  2026-12-04"))
        // Without --strict the report is the same and the exit status 0.
        #expect(try command.helpsite("status", in: copy.folder.path).status == 0)
        // After review: accepted, and --strict passes again.
        let accepted = try command.helpsite("status", "--accept", "fr", in: copy.folder.path)
        #expect(accepted.output == "Recorded the nl text of 120 fields for fr in content/fr/.sources.yaml\n")
        let narrow = try command.helpsite("status", "--accept", "en", "--page", "complaints", "--field", "sections.supervisor.prose.1", in: copy.folder.path)
        #expect(narrow.output == "Recorded the nl text of sections.supervisor.prose.1 (complaints) for en in content/en/.sources.yaml\n")
        #expect(try command.helpsite("status", "--strict", in: copy.folder.path).status == 0)
    }

    @Test("--format json is one document with the schema of the README")
    func json() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/language.yaml", "box: bus", "box: postbus")
        let run = try command.helpsite("status", "--format", "json", "--language", "en", in: copy.folder.path)
        #expect(run.status == 0, "\(run.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["reference"] as? String == "nl")
        #expect(document["releasable"] as? Bool == false)
        let languages = try #require(document["languages"] as? [[String: Any]])
        #expect(languages.map { $0["language"] as? String } == ["en"])
        #expect(languages[0]["sources"] as? String == "content/en/.sources.yaml")
        let parts = try #require(languages[0]["parts"] as? [[String: Any]])
        #expect(parts.map { $0["part"] as? String } == ["language", "contacts", "complaints", "contact", "faq"])
        #expect(parts[0]["file"] as? String == "content/en/language.yaml")
        #expect(parts[0]["fields"] as? Int == 36)
        #expect(parts[0]["complete"] as? Int == 100)
        #expect(parts[0]["counts"] as? [String: Int] == ["current": 35, "stale": 1, "unreviewed": 0, "untranslated": 0, "missing": 0, "not-localised": 0])
        let finding = try #require((parts[0]["findings"] as? [[String: Any]])?.first)
        #expect(finding["state"] as? String == "stale")
        #expect(finding["field"] as? String == "labels.box")
        #expect(finding["file"] as? String == "content/en/language.yaml")
        #expect(finding["line"] as? Int == (try copy.line(of: "box:", in: "en/language.yaml")))
        #expect(finding["column"] as? Int == 8)
        let reference = try #require(finding["reference"] as? [String: Any])
        #expect(reference["file"] as? String == "content/nl/language.yaml")
        #expect(reference["line"] as? Int == (try copy.line(of: "box:", in: "nl/language.yaml")))
        #expect(reference["column"] as? Int == 8)
        #expect((finding["fingerprint"] as? String)?.count == 16)
        let kept = try #require((parts[2]["findings"] as? [[String: Any]])?.first)
        #expect(kept["state"] as? String == "not-localised")
        #expect(kept["fingerprint"] == nil)
    }

    @Test("usage slips exit 2 and write nothing")
    func usage() throws {
        let copy = try ShippedCopy()
        let before = try copy.folder.read("content/fr/.sources.yaml")
        for arguments in [["status", "--page", "complaints"], ["status", "--accept", "fr", "--field", "title"],
                          ["status", "--accept", "nl"], ["status", "--accept", "fr", "--page", "klachten"],
                          ["status", "--language", "de"], ["status", "--format", "xml"],
                          ["new-language", "Deutsch"], ["new-language", "de_DE"]] {
            let run = try command.helpsite(arguments, in: copy.folder.path)
            #expect(run.status == 2, "\(arguments): \(run.errors)")
            #expect(!run.errors.isEmpty)
        }
        #expect(try copy.folder.read("content/fr/.sources.yaml") == before)
    }

    @Test("new-language de, then build and check pass, and status --strict lists every German field as untranslated")
    func newLanguage() throws {
        let copy = try ShippedCopy()
        let made = try command.helpsite("new-language", "de", in: copy.folder.path)
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output == """
            Made content/de/ from nl: 5 files, 120 text fields still in nl, facts copied
            Added de (Deutsch) to content/site.yaml. `helpsite status --language de` lists what to translate.

            """)
        #expect(try command.helpsite("check", in: copy.folder.path).status == 0)
        let built = try command.helpsite("build", in: copy.folder.path)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.hasPrefix("Built 12 pages in 4 languages (nl, fr, en, de) into public/"))
        let status = try command.helpsite("status", "--strict", "--language", "de", in: copy.folder.path)
        #expect(status.status == 1)
        #expect(status.output.components(separatedBy: ": untranslated: ").count - 1 == 117, "every text; the three dates wait as unreviewed")
        #expect(status.output.contains("\ncontent/de/complaints.yaml:\(try copy.line(of: "title: Klachtenprocedure", in: "de/complaints.yaml")):8: untranslated: title is still the nl text (nl at content/nl/complaints.yaml:\(try copy.line(of: "title: Klachtenprocedure", in: "nl/complaints.yaml")):8)\n"))
        // A second time, the language exists.
        let again = try command.helpsite("new-language", "de", in: copy.folder.path)
        #expect(again.status == 1)
        #expect(again.errors == "error: 'de' is already a language of site.yaml\n")
    }

    @Test("build --mark-untranslated outlines a preview; the next plain build renders the pages again")
    func markedBuild() throws {
        let copy = try ShippedCopy()
        #expect(try command.helpsite("new-language", "de", in: copy.folder.path).status == 0)
        #expect(try command.helpsite("build", "--mark-untranslated", in: copy.folder.path).status == 0)
        #expect(try copy.folder.read("public/de/klachten/index.html").contains("<h1><span class=\"untranslated\" lang=\"nl\">Klachtenprocedure</span></h1>"))
        #expect(try command.helpsite("build", in: copy.folder.path).status == 0)
        #expect(try copy.folder.read("public/de/klachten/index.html").contains("<h1>Klachtenprocedure</h1>"))
    }
}
