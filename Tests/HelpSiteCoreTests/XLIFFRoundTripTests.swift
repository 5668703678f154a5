import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel

/// Export to XLIFF, translate in a CAT tool, import back: the YAML changes only where a text did.
@Suite("XLIFF round trip")
struct XLIFFRoundTripTests {
    @Test("a round trip with no edits changes no byte of any content file", arguments: ["fr", "en"])
    func untouchedRoundTrip(language: String) throws {
        let project = try XLIFFProject()
        let before = try project.snapshot()
        let xliff = try project.export(language)
        let (plan, problems) = try project.importing(xliff)
        #expect(problems.isEmpty)
        #expect(try #require(plan).changes.isEmpty)
        #expect(plan?.unchanged == xliff.components(separatedBy: "<unit ").count - 1)
        #expect(try project.snapshot() == before)
    }

    @Test("the document has the reference text as source, the translation as target, and no facts")
    func exportedDocument() throws {
        let xliff = try XLIFFProject().export("fr")
        #expect(xliff.contains(#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="nl" trgLang="fr">"#))
        #expect(xliff.contains(#"<file id="complaints" original="fr/complaints.yaml" xml:space="preserve">"#))
        #expect(xliff.contains(#"<file id="language" original="fr/language.yaml" xml:space="preserve">"#))
        #expect(xliff.contains(#"<file id="contacts" original="fr/contacts.yaml" xml:space="preserve">"#))
        #expect(xliff.contains(#"<file id="faq" original="fr/faq.yaml" xml:space="preserve">"#))
        #expect(try unitText(xliff, unit: "section.second-review.title", "source") == "Tweede beoordeling")
        #expect(try unitText(xliff, unit: "section.second-review.title") == "Second examen")
        #expect(try unitText(xliff, unit: "contact.sfs.channel.phone.label") == "Par téléphone")
        #expect(xliff.contains(#"<note category="channel">phone: phone +32 2 370 77 11 (not translated)</note>"#))
        #expect(xliff.contains(#"<note category="location" appliesTo="source">nl/complaints.yaml:50:12</note>"#))
        #expect(try unitText(xliff, unit: "labels.step") == "Étape {n}")
        for fact in ["+32 2 370 77 11", "services4you@stellantis-finance.com", "Avenue du Bourget", "1130", "13:00", "plaintes"] {
            #expect(!xliff.contains("<target>\(fact)</target>") && !xliff.contains("<source>\(fact)</source>"), "\(fact)")
        }
        #expect(!xliff.contains("<unit id=\"slug\">"))
    }

    @Test("editing one target changes exactly that scalar, and the comments stay")
    func oneEdit() throws {
        let project = try XLIFFProject()
        let before = try project.folder.read("content/fr/complaints.yaml")
        let xliff = try translating(project.export("fr"), unit: "section.mediation.title", to: "Médiation externe et indépendante")
        let (plan, problems) = try project.importing(xliff)
        #expect(problems.isEmpty)
        #expect(plan?.changes.map(\.units) == [["section.mediation.title"]])

        let after = try project.folder.read("content/fr/complaints.yaml")
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false))
            .filter { $0 != $1 }
        #expect(changed.map { String($0.1) } == ["    title: Médiation externe et indépendante"])
        #expect(before.split(separator: "\n").count == after.split(separator: "\n").count)
        #expect(after.hasPrefix("# Procédure de plainte : traduction française du texte néerlandais, qui fait référence.\n"))
        let mediation = try #require(project.site().languages.first { $0.language.code == "fr" }?.pages.first?.sections.first { $0.id.value == "mediation" })
        #expect(mediation.title.value == "Médiation externe et indépendante")
        #expect(try project.snapshot().filter { $0.key != "fr/complaints.yaml" } == XLIFFProject().snapshot().filter { $0.key != "fr/complaints.yaml" })
    }

    @Test("XML specials, Markdown over lines, French spaces and values YAML must quote survive the round trip")
    func awkwardTexts() throws {
        let project = try XLIFFProject()
        let texts = [
            "title": #"Plaintes & recours : <la procédure> "rapide" d'abord"#,
            "section.second-review.title": "- Un second examen\u{202F}?",
            "intro": "**Vous avez une plainte\u{202F}?** Voici comment procéder.\n\nChez nous\u{00A0}: deux étapes.\n\n- écrivez-nous\n- appelez-nous",
            "contact.sfs.channel.portal.note":
                "Pour accéder à votre portail client, utilisez votre adresse e-mail et votre mot de passe, puis choisissez « mot de passe oublié » si nécessaire.",
            "contact.sfs.channel.portal.portal.1": "Demandes, réclamations",
            "section.first-contact.list.1.item.1": "# Vos coordonnées complètes",
            "hours.range": "de\u{00A0}{opens} à\u{00A0}{closes}",
        ]
        var xliff = try project.export("fr")
        for (unit, text) in texts { xliff = try translating(xliff, unit: unit, to: text) }
        let (plan, problems) = try project.importing(xliff)
        #expect(problems.isEmpty)
        #expect(plan?.changes.reduce(0) { $0 + $1.units.count } == texts.count)

        let french = try #require(project.site().languages.first { $0.language.code == "fr" })
        let page = try #require(french.pages.first)
        #expect(page.title.value == texts["title"])
        #expect(page.sections[1].title.value == texts["section.second-review.title"])
        #expect(page.intro?.source == texts["intro"])
        let list = page.sections[0].blocks.compactMap { if case .list(let list) = $0 { list } else { nil } }.first
        #expect(list?.items.first?.value == texts["section.first-contact.list.1.item.1"])
        #expect(page.sections[0].shownContacts[0].channels[0].value.value == .portal(["Demandes, réclamations", "Formulaire de plainte"]))
        #expect(french.strings.rangeFormat == texts["hours.range"])

        let again = try project.export("fr")
        for (unit, text) in texts { #expect(try unitText(again, unit: unit) == text, "\(unit)") }
        let before = try project.snapshot()
        #expect(try project.importing(again).plan?.changes.isEmpty == true)
        #expect(try project.snapshot() == before)
    }

    @Test("a | block stays a block at its indentation; a folded note is folded again, within 80 columns")
    func styleKept() throws {
        let project = try XLIFFProject()
        var xliff = try project.export("fr")
        xliff = try translating(xliff, unit: "section.supervisor.prose.1", to: "En cas de manquement, contactez\nl'autorité de contrôle.")
        xliff = try translating(xliff, unit: "contact.sfs.channel.portal.note",
                                to: "Utilisez votre adresse e-mail et votre mot de passe pour accéder à votre portail client en ligne.")
        try project.importing(xliff)
        let file = try project.folder.read("content/fr/complaints.yaml")
        #expect(file.contains("      - prose: |\n          En cas de manquement, contactez\n          l'autorité de contrôle.\n      - contact:\n"))
        let contacts = try project.folder.read("content/fr/contacts.yaml")
        #expect(contacts.contains("        note: >-\n          Utilisez votre adresse e-mail et votre mot de passe pour accéder à\n          votre portail client en ligne.\n      - id: email-b2c\n"))
    }
}
