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
            #expect(language.parts.map(\.part) == ["language", "contacts", "complaints", "contact", "faq"])
            #expect(language.parts.allSatisfy { $0.completePercent == 100 })
            let kept = language.parts.flatMap(\.notLocalised)
            #expect(kept.map(\.key) == ["sections.mediation.contacts.ombudsfin.channels.form.url"])
        }
        // Every text a translator translates is a field: titles, prose, notes, lists, labels, the portal path,
        // the shared contacts' texts and the navigation's group titles.
        let keys = Set(report.languages[0].parts.flatMap { $0.fields.map(\.key) })
        for key in ["slug", "title", "intro", "sections.second-review.prose.1", "contacts.sfs.departments.2.name",
                    "contacts.sfs.channels.portal.portal", "contacts.sfs.channels.portal.note",
                    "sections.first-contact.list.1.items.4", "sections.first-contact.note.1", "sections.insurance.note.1",
                    "sections.how-to-complain.title", "labels.not_localised", "labels.home", "days.sun", "hours.range",
                    "navigation.complaints"] {
            #expect(keys.contains(key), "no field \(key)")
        }
    }

    @Test("a Dutch step's text that changes is stale in fr and en, at its place, and nothing else is")
    func changedDutchBodyIsStaleEverywhere() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "opnieuw bekijkt.", "opnieuw bekijkt, zorgvuldig.")
        #expect(try copy.open() == [
            "fr complaints sections.second-review.prose.1 stale",
            "en complaints sections.second-review.prose.1 stale",
        ])
        let report = try copy.report()
        for (language, file, firstLine) in [("fr", "fr/complaints.yaml", "Si notre première réponse"),
                                            ("en", "en/complaints.yaml", "If you are not satisfied with our first reply")] {
            let stale = try #require(report.languages.first { $0.language == language }?.parts.flatMap(\.fields).first { $0.state == .stale })
            #expect(stale.location == SourceLocation(file: copy.content + "/" + file, line: try copy.line(of: firstLine, in: file), column: 11))
            #expect(stale.reference == SourceLocation(file: copy.content + "/nl/complaints.yaml",
                                                      line: try copy.line(of: "Als u niet tevreden bent over ons eerste antwoord", in: "nl/complaints.yaml"),
                                                      column: 11))
        }
        #expect(!report.isReleasable)
    }

    @Test("reflowing a Dutch paragraph changes no word to translate: nothing is stale")
    func reflowIsNotStale() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "kunt u vragen dat\n          een onpartijdige", "kunt u vragen\n          dat een onpartijdige")
        #expect(try copy.open().isEmpty)
        try copy.edit("nl/complaints.yaml", "een onpartijdige medewerker", "een andere onpartijdige medewerker")
        #expect(try copy.open() == ["fr complaints sections.second-review.prose.1 stale", "en complaints sections.second-review.prose.1 stale"])
    }

    @Test("accepting fr clears what is stale in fr and leaves en stale")
    func acceptClearsOneLanguage() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "Toezichthouder", "De toezichthouder")
        try copy.edit("nl/language.yaml", "hours: Telefonisch bereikbaar", "hours: Telefonisch te bereiken")
        #expect(try copy.open().count == 4)
        let fields = try copy.report(["fr"]).languages[0].parts.reduce(0) { $0 + $1.fields.count }
        let outcome = try Acceptance.accept(try copy.site(), language: "fr")
        #expect(outcome.accepted == fields && fields > 100, "every field of fr is recorded")
        try outcome.write()
        #expect(try copy.open() == ["en language labels.hours stale", "en complaints sections.supervisor.title stale"])
    }

    @Test("accepting one field records that field only")
    func narrowAccept() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "Toezichthouder", "De toezichthouder")
        try copy.edit("nl/complaints.yaml", "- Uw volledige contactgegevens", "- Uw volledige contactgegevens en uw klantnummer")
        let before = try copy.folder.read("content/fr/.sources.yaml")
        try Acceptance.accept(try copy.site(), language: "fr", part: "complaints", field: "sections.supervisor.title").write()
        #expect(try copy.open(["fr"]) == ["fr complaints sections.first-contact.list.1.items.1 stale"])
        // One line of the record changed, the rest of the file is as it was.
        let after = try copy.folder.read("content/fr/.sources.yaml")
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.hasPrefix("    sections.supervisor.title: ") == true)
        #expect(try copy.open(["en"]).count == 2)
    }

    @Test("accepting a field that does not exist names the nearest one and writes nothing")
    func acceptUnknownField() throws {
        let copy = try ShippedCopy()
        let site = try copy.site()
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "fr", part: "complaints", field: "sections.supervisor.titel") }
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "nl") }
        #expect(throws: Acceptance.Failure.self) { try Acceptance.accept(site, language: "de") }
        do {
            _ = try Acceptance.accept(site, language: "fr", part: "complaints", field: "sections.supervisor.titel")
        } catch {
            #expect(error.description == "'sections.supervisor.titel' is not a field of fr 'complaints'; did you mean 'sections.supervisor.title'?")
        }
    }

    @Test("a field without a record is unreviewed when translated, untranslated when it is still the Dutch text")
    func unrecordedFields() throws {
        let copy = try ShippedCopy()
        let sources = try copy.folder.read("content/fr/.sources.yaml")
        let lines = sources.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("    sections.second-review.title:") && !$0.hasPrefix("    sections.first-contact.list.1.title:") }
        try copy.folder.write(lines.joined(separator: "\n"), to: "content/fr/.sources.yaml")
        try copy.edit("fr/complaints.yaml", "title: Ce que votre plainte doit contenir", "title: Wat vermeldt u in uw bericht?")
        #expect(try copy.open() == ["fr complaints sections.first-contact.list.1.title untranslated", "fr complaints sections.second-review.title unreviewed"])
        let complaints = try #require(try copy.report(["fr"]).languages[0].parts.first { $0.part == "complaints" })
        #expect(complaints.completePercent == (complaints.fields.count - 1) * 100 / complaints.fields.count)
        #expect(complaints.fields.count > 30)
    }

    @Test("a field the translation lacks is missing, placed at the nearest part it has")
    func missingField() throws {
        let copy = try ShippedCopy()
        try copy.edit("fr/complaints.yaml", "              note: numéro gratuit\n", "")
        let report = try copy.report(["fr"])
        let missing = report.languages[0].parts.flatMap(\.fields).filter { $0.state == .missing }
        #expect(missing.map(\.key) == ["sections.supervisor.contacts.economy.channels.phone.note"])
        let channelLine = try copy.line(of: "phone: 0800 120 33", in: "fr/complaints.yaml") - 2
        #expect(missing.first?.location == SourceLocation(file: copy.content + "/fr/complaints.yaml", line: channelLine, column: 19))
        #expect(!report.isReleasable)
    }

    @Test("a street, city or address site.yaml localises for others but not for this language is not localised")
    func keptPlaceNames() throws {
        let copy = try ShippedCopy()
        try copy.edit("site.yaml", "    en: Brussels\n", "")
        try copy.edit("en/complaints.yaml", "city: Brussels", "city: Brussel")
        try copy.edit("en/contacts.yaml", "city: Brussels", "city: Brussel")
        let kept = try copy.report(["en"]).languages[0].parts.flatMap(\.notLocalised).map(\.key)
        #expect(kept.contains("contacts.sfs.address.city"))
        #expect(kept.contains("sections.mediation.contacts.ombudsfin.address.city"))
        #expect(kept.contains("sections.mediation.contacts.ombudsfin.channels.form.url"))
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
