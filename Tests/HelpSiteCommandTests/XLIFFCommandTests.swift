import Foundation
import Testing
import HelpSiteTestSupport

/// `helpsite export-xliff` and `import-xliff` as a translator's agency runs them.
extension CommandLineTests {
    @Test func exportXLIFFToStandardOutputOrAFile() throws {
        let folder = try project()
        let printed = try helpsite("export-xliff", "fr", in: folder.path)
        #expect(printed.status == 0, "\(printed.errors)")
        #expect(printed.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(printed.output.contains("srcLang=\"nl\" trgLang=\"fr\""))

        let written = try helpsite("export-xliff", "fr", "--output", "fr.xlf", in: folder.path)
        #expect(written.status == 0)
        #expect(written.output.isEmpty)
        #expect(written.errors.hasPrefix("Exported 47 texts (nl → fr) to fr.xlf"))
        #expect(try folder.read("fr.xlf") == printed.output)

        let unknown = try helpsite("export-xliff", "de", in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("'de' is not a translation of the site; export one of: fr"))
    }

    @Test func importXLIFFWritesTheTranslationThenChecks() throws {
        let folder = try project()
        #expect(try helpsite("export-xliff", "fr", "--output", "fr.xlf", in: folder.path).status == 0)
        let xliff = try folder.read("fr.xlf")
        // The translator retypes the phone number in the prose and gets one digit wrong.
        try folder.write(xliff.replacingOccurrences(of: "appelez-nous au 02 555 12 34 pendant", with: "appelez-nous au 02 555 12 43 pendant"),
                         to: "fr.xlf")
        let run = try helpsite("import-xliff", "fr.xlf", in: folder.path)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("Imported fr.xlf (fr): 1 text changed in content/fr/complaints.yaml; 46 unchanged, 0 without a target\n"))
        #expect(run.errors.contains("content/fr/complaints.yaml:12:44: error: phone +3225551243 differs from nl +3225551234 (content/nl/complaints.yaml:12:60) in the text of 'first-contact'\n"))
        #expect(run.errors.contains("1 error, 0 warnings: checked after the import"))
        #expect(try folder.read("content/fr/complaints.yaml").contains("appelez-nous au 02 555 12 43 pendant les heures de"))
    }

    @Test func importXLIFFRefusesAndWritesNothing() throws {
        let folder = try project()
        #expect(try helpsite("export-xliff", "fr", "--output", "fr.xlf", in: folder.path).status == 0)
        let before = try folder.read("content/fr/complaints.yaml")
        let xliff = try folder.read("fr.xlf")
        try folder.write(xliff.replacingOccurrences(of: "<target>Plaintes</target>", with: "<target>Nos plaintes</target>")
            .replacingOccurrences(of: "<source>Médiation</source>", with: "<source>Bemiddeling</source>")
            .replacingOccurrences(of: "<source>Bemiddeling</source>", with: "<source>Ombudsman</source>"), to: "fr.xlf")
        let run = try helpsite("import-xliff", "fr.xlf", "--format", "json", in: folder.path)
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let finding = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(finding["file"] as? String == "fr.xlf")
        #expect((finding["message"] as? String)?.hasPrefix("the nl text of unit 'section.mediation.title' has changed since the export") == true)
        #expect(try folder.read("content/fr/complaints.yaml") == before)

        let missing = try helpsite("import-xliff", "nl.xlf", in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("'nl.xlf' is not a file; name the XLIFF file to import"))
    }
}
