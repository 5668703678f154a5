import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel

/// A document that does not fit the content is refused whole: every reason is said, nothing is written.
@Suite("XLIFF import refusals")
struct XLIFFRefusalTests {
    /// Imports `xliff` into the base fixture; expects a refusal and an untouched content folder.
    func refused(_ change: (String) throws -> String, before: ((XLIFFProject) throws -> Void)? = nil) throws -> [String] {
        let project = try XLIFFProject(shipped: false)
        let xliff = try change(try translating(project.export("fr"), unit: "title", to: "Nos procédures de plainte"))
        try before?(project)
        let snapshot = try project.snapshot()
        let (plan, problems) = try project.importing(xliff)
        #expect(plan == nil)
        #expect(try project.snapshot() == snapshot)
        return problems
    }

    @Test("a missing unit and a unit the content does not have")
    func mismatchedUnits() throws {
        let problems = try refused { xliff in
            let unit = try #require(xliff.range(of: "    <unit id=\"description\">"))
            let end = try #require(xliff.range(of: "    </unit>\n", range: unit.upperBound..<xliff.endIndex))
            return xliff.replacingCharacters(in: unit.lowerBound..<end.upperBound, with: "")
                .replacingOccurrences(of: "<unit id=\"section.mediation.title\">", with: "<unit id=\"section.mediaton.title\">")
        }
        #expect(problems == [
            "fr.xlf:4:3: error: unit 'description' is missing from <file id=\"complaints\">; export again",
            "content/nl/complaints.yaml:4:14: note: the nl text",
            "fr.xlf:4:3: error: unit 'section.mediation.title' is missing from <file id=\"complaints\">; export again",
            "content/nl/complaints.yaml:39:12: note: the nl text",
            "fr.xlf:121:5: error: unit 'section.mediaton.title' is not a text of content/nl/complaints.yaml; the content has changed since the export: export again",
        ])
    }

    @Test("a source that is no longer the reference text: the Dutch changed since the export")
    func sourceChanged() throws {
        let problems = try refused({ $0 }, before: { project in
            let dutch = try project.folder.read("content/nl/complaints.yaml")
            try project.folder.write(dutch.replacingOccurrences(of: "title: Klachten\n", with: "title: Klachten en bemiddeling\n"),
                                     to: "content/nl/complaints.yaml")
        })
        #expect(problems == [
            "fr.xlf:13:9: error: the nl text of unit 'title' has changed since the export; export again and translate the new text",
            "content/nl/complaints.yaml:3:8: note: the nl text now",
        ])
    }

    @Test("malformed XML is reported at its line and column")
    func malformed() throws {
        let problems = try refused { $0.replacingOccurrences(of: "<target>Nos procédures de plainte</target>", with: "<target>Nos procédures & plaintes</target>") }
        #expect(problems == ["fr.xlf:14:32: error: XML: '&' starts a reference that never ends with ';'; write & as &amp;"])
    }

    @Test("a target language that is not a translation of the site")
    func unknownTargetLanguage() throws {
        let problems = try refused { $0.replacingOccurrences(of: "trgLang=\"fr\"", with: "trgLang=\"de\"") }
        #expect(problems == ["fr.xlf:3:1: error: 'de' is not a language of the site; its translations are: fr"])
        let reference = try refused { $0.replacingOccurrences(of: "trgLang=\"fr\"", with: "trgLang=\"nl\"") }
        #expect(reference == ["fr.xlf:3:1: error: 'nl' is the reference language; the texts are translated from it, not into it"])
    }

    @Test("inline codes, XLIFF 1.2 and a document type declaration are refused")
    func unsupportedXLIFF() throws {
        let inline = try refused { $0.replacingOccurrences(of: "<target>Nos procédures de plainte</target>", with: "<target>Nos <ph id=\"1\"/>procédures</target>") }
        #expect(inline == ["fr.xlf:14:21: error: <ph> in <target>: HelpSite texts are Markdown with no inline codes; write the text alone"])
        let old = try refused { $0.replacingOccurrences(of: "xliff:document:2.0\" version=\"2.1\"", with: "xliff:document:1.2\" version=\"1.2\"") }
        #expect(old == ["fr.xlf:3:1: error: not an XLIFF 2 document: the root is <xliff> in urn:oasis:names:tc:xliff:document:1.2; XLIFF 1.2 is not read: export XLIFF 2 from the CAT tool"])
        let doctype = try refused { $0.replacingOccurrences(of: "<xliff ", with: "<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n<xliff ") }
        #expect(doctype == ["fr.xlf:3:1: error: XML: a document type declaration (<!DOCTYPE) is not accepted in an XLIFF file"])
    }

    @Test("a CAT tool's segments, groups and annotations are read as one text")
    func catToolShapes() throws {
        let project = try XLIFFProject(shipped: false)
        // Segmented by sentence, with the space between them as an ignorable, as CAT tools do.
        let xliff = try project.export("fr").replacingOccurrences(of: """
                  <segment state="translated">
                    <source>Niet tevreden? Laat het ons weten.</source>
                    <target>Pas satisfait ? Dites-le-nous.</target>
                  </segment>
            """, with: """
                  <segment state="final"><source>Niet tevreden?</source><target>Vous n'êtes <mrk id="m1" translate="yes">pas satisfait</mrk> ?</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment><source><![CDATA[Laat het ons weten.]]></source><target>Dites-le-nous.</target></segment>
            """)
        let (plan, problems) = try project.importing(xliff.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(problems == [])
        #expect(plan?.changes.count == 1)
        #expect(try project.folder.read("content/fr/complaints.yaml").contains("intro: |\n  Vous n'êtes pas satisfait ? Dites-le-nous.\nsections:\n"))
    }
}

