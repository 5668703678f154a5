import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSiteTranslation

@Suite("Translation status")
struct StatusTests {
    @Test("the shipped translations are accepted: every field current, only the Ombudsfin form kept in Dutch")
    func shippedSiteIsCurrent() throws {
        let copy = try ShippedCopy()
        #expect(FileManager.default.fileExists(atPath: copy.content + "/fr/.sources.yaml"))
        let report = try copy.report()
        #expect(report.reference == "nl")
        #expect(report.languages.map(\.language) == ["fr", "en"])
        #expect(try copy.open().isEmpty)
        #expect(report.isReleasable)
        for language in report.languages {
            #expect(language.parts.map(\.part) == ["language", "complaints"])
            #expect(language.parts.allSatisfy { $0.completePercent == 100 })
            let kept = language.parts.flatMap(\.notLocalised)
            #expect(kept.map(\.key) == ["steps.mediation.contacts.ombudsfin.channels.form.url"])
        }
        // Every text a translator translates is a field: titles, bodies, labels, list items, the portal path.
        let keys = Set(report.languages[0].parts.flatMap { $0.fields.map(\.key) })
        for key in ["slug", "title", "intro", "steps.second-review.body", "steps.first-contact.contacts.sfs.departments.2",
                    "steps.first-contact.contacts.sfs.channels.portal.portal", "steps.first-contact.contacts.sfs.channels.portal.note",
                    "checklist.items.4", "commitments", "insurance.products.note", "labels.not_localised", "days.sun", "hours.range"] {
            #expect(keys.contains(key), "no field \(key)")
        }
    }

    @Test("a Dutch step body that changes is stale in fr and en, at its place, and nothing else is")
    func changedDutchBodyIsStaleEverywhere() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "verantwoordelijke.", "verantwoordelijke, binnen een maand.")
        #expect(try copy.open() == [
            "fr complaints steps.second-review.body stale",
            "en complaints steps.second-review.body stale",
        ])
        let report = try copy.report()
        for (language, file, firstLine) in [("fr", "fr/complaints.yaml", "Si notre première réponse"),
                                            ("en", "en/complaints.yaml", "If you are not satisfied with our first reply")] {
            let stale = try #require(report.languages.first { $0.language == language }?.parts.flatMap(\.fields).first { $0.state == .stale })
            #expect(stale.location == SourceLocation(file: copy.content + "/" + file, line: try copy.line(of: firstLine, in: file), column: 7))
            #expect(stale.reference == SourceLocation(file: copy.content + "/nl/complaints.yaml",
                                                      line: try copy.line(of: "Als ons eerste antwoord", in: "nl/complaints.yaml"), column: 7))
        }
        #expect(!report.isReleasable)
    }

    @Test("reflowing a Dutch paragraph changes no word to translate: nothing is stale")
    func reflowIsNotStale() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "kunt u vragen om een\n      onafhankelijke", "kunt u vragen\n      om een onafhankelijke")
        #expect(try copy.open().isEmpty)
        try copy.edit("nl/complaints.yaml", "dossier door een onpartijdige", "dossier door een andere onpartijdige")
        #expect(try copy.open() == ["fr complaints steps.second-review.body stale", "en complaints steps.second-review.body stale"])
    }

    @Test("accepting fr clears what is stale in fr and leaves en stale")
    func acceptClearsOneLanguage() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "Toezichthouder", "De toezichthouder")
        try copy.edit("nl/language.yaml", "hours: Telefonisch bereikbaar", "hours: Telefonisch te bereiken")
        #expect(try copy.open().count == 4)
        let outcome = try Acceptance.accept(try copy.site(), language: "fr")
        #expect(outcome.accepted == 76)
        try outcome.write()
        #expect(try copy.open() == ["en language labels.hours stale", "en complaints steps.supervisor.title stale"])
    }

    @Test("accepting one field records that field only")
    func narrowAccept() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "Toezichthouder", "De toezichthouder")
        try copy.edit("nl/complaints.yaml", "- Uw volledige contactgegevens", "- Uw volledige contactgegevens en uw klantnummer")
        let before = try copy.folder.read("content/fr/.sources.yaml")
        try Acceptance.accept(try copy.site(), language: "fr", part: "complaints", field: "steps.supervisor.title").write()
        #expect(try copy.open(["fr"]) == ["fr complaints checklist.items.1 stale"])
        // One line of the record changed, the rest of the file is as it was.
        let after = try copy.folder.read("content/fr/.sources.yaml")
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.hasPrefix("    steps.supervisor.title: ") == true)
        #expect(try copy.open(["en"]).count == 2)
    }

    @Test("accepting a field that does not exist names the nearest one and writes nothing")
    func acceptUnknownField() throws {
        let copy = try ShippedCopy()
        let site = try copy.site()
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "fr", part: "complaints", field: "steps.supervisor.titel") }
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "nl") }
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "de") }
        do {
            _ = try Acceptance.accept(site, language: "fr", part: "complaints", field: "steps.supervisor.titel")
        } catch {
            #expect(error.description == "'steps.supervisor.titel' is not a field of fr 'complaints'; did you mean 'steps.supervisor.title'?")
        }
    }

    @Test("a field without a record is unreviewed when translated, untranslated when it is still the Dutch text")
    func unrecordedFields() throws {
        let copy = try ShippedCopy()
        let sources = try copy.folder.read("content/fr/.sources.yaml")
        let lines = sources.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("    steps.second-review.title:") && !$0.hasPrefix("    checklist.title:") }
        try copy.folder.write(lines.joined(separator: "\n"), to: "content/fr/.sources.yaml")
        try copy.edit("fr/complaints.yaml", "title: À mentionner dans votre message", "title: Wat vermeldt u in uw bericht?")
        #expect(try copy.open() == ["fr complaints steps.second-review.title unreviewed", "fr complaints checklist.title untranslated"])
        let complaints = try #require(try copy.report(["fr"]).languages[0].parts.last)
        #expect(complaints.completePercent == 50 * 100 / 51)
    }

    @Test("a field the translation lacks is missing, placed at the nearest part it has")
    func missingField() throws {
        let copy = try ShippedCopy()
        try copy.edit("fr/complaints.yaml", "            note: numéro gratuit\n", "")
        let report = try copy.report(["fr"])
        let missing = report.languages[0].parts.flatMap(\.fields).filter { $0.state == .missing }
        #expect(missing.map(\.key) == ["steps.supervisor.contacts.economy.channels.phone.note"])
        let channelLine = try copy.line(of: "phone: 0800 120 33", in: "fr/complaints.yaml") - 2
        #expect(missing.first?.location == SourceLocation(file: copy.content + "/fr/complaints.yaml", line: channelLine, column: 17))
        #expect(!report.isReleasable)
    }

    @Test("a street, city or address site.yaml localises for others but not for this language is not localised")
    func keptPlaceNames() throws {
        let copy = try ShippedCopy()
        try copy.edit("site.yaml", "    en: Brussels\n", "")
        try copy.edit("en/complaints.yaml", "city: Brussels", "city: Brussel")
        let kept = try copy.report(["en"]).languages[0].parts.flatMap(\.notLocalised).map(\.key)
        #expect(kept.contains("steps.first-contact.contacts.sfs.address.city"))
        #expect(kept.contains("steps.mediation.contacts.ombudsfin.channels.form.url"))
    }

    @Test("a sources file with a value that is not a fingerprint is refused with its place")
    func badSourcesFile() throws {
        let copy = try ShippedCopy()
        let text = try copy.folder.read("content/fr/.sources.yaml")
        try copy.folder.write(text.replacing(#/    title: [0-9a-f]{16}/#, with: "    title: done", maxReplacements: 1), to: "content/fr/.sources.yaml")
        let (site, problems) = SiteLoader.load(contentDirectory: copy.content)
        #expect(site == nil)
        let line = try copy.line(of: "    title: done", in: "fr/.sources.yaml")
        #expect(problems.sorted.map(\.description) == [
            "\(copy.content)/fr/.sources.yaml:\(line):12: error: 'title' must be a fingerprint of 16 hexadecimal digits or 'untranslated', found 'done'",
        ])
    }

    @Test("fingerprints fold white space inside a paragraph and keep paragraph breaks")
    func fingerprintNormalisation() {
        #expect(TextFingerprint.of("Een  tekst\nover twee regels.\n") == TextFingerprint.of("Een tekst over\n  twee regels."))
        #expect(TextFingerprint.of("Een tekst.\n\nTwee alinea's.") != TextFingerprint.of("Een tekst. Twee alinea's."))
        #expect(TextFingerprint.of("Een tekst.") != TextFingerprint.of("Een tekst!"))
    }
}
