import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteRender
@testable import HelpSiteTranslation

@Suite("The preview's marks on untranslated text")
struct UntranslatedMarkTests {
    @Test("a new language rendered for a preview: its Dutch text is outlined where markup may go, and only there")
    func previewMarksGerman() throws {
        let copy = try ShippedCopy()
        try LanguageScaffold.write(try LanguageScaffold.plan(try copy.site(), contentDirectory: copy.content, code: "de", name: "Deutsch"))
        try copy.edit("de/complaints.yaml", "title: Klachtenprocedure", "title: Beschwerdeverfahren")
        let plain = try TestBuild.render(content: copy.content, templates: copy.folder.path + "/templates")
        let marked = try TestBuild.render(content: copy.content, templates: copy.folder.path + "/templates", markUntranslated: true)

        let german = try TestBuild.page("de/klachten/index.html", in: marked)
        #expect(german.contains("<h1>Beschwerdeverfahren</h1>"))
        #expect(german.contains(#"<h3 class="list-title"><span class="untranslated" lang="nl">Wat vermeldt u in uw bericht?</span></h3>"#))
        #expect(german.contains(#"<div class="untranslated" lang="nl"><p><strong>Heeft u een klacht?</strong>"#))
        #expect(german.contains(##"<a class="skip-link" href="#main"><span class="untranslated" lang="nl">Naar de hoofdinhoud</span></a>"##))
        // Where markup cannot go, the text is as it would be unmarked.
        #expect(german.contains("<title>Beschwerdeverfahren · Stellantis Financial Services Belux</title>"))
        #expect(german.contains(#"<nav class="switcher" aria-label="Taal">"#))
        // The marks change nothing a reader reads, and leave no private-use character behind.
        #expect(visibleText(german) == visibleText(try TestBuild.page("de/klachten/index.html", in: plain)))
        for file in marked where file.path.hasSuffix(".html") {
            #expect(!String(decoding: file.contents, as: UTF8.self).unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" })
        }
        // Accepted translations, and every page of a build without the option, are not marked.
        for path in ["fr/plaintes/index.html", "en/complaints/index.html", "nl/klachten/index.html"] {
            #expect(try TestBuild.page(path, in: marked) == TestBuild.page(path, in: plain))
        }
        #expect(plain.allSatisfy { !String(decoding: $0.contents, as: UTF8.self).contains("class=\"untranslated\"") })
    }

    @Test("marks become a span in text, vanish inside a tag, title or script, and a stray closing mark does nothing")
    func resolve() {
        let open = String(Character(UntranslatedMark.open)), close = String(Character(UntranslatedMark.close))
        let html = "<title>\(open)Titel\(close)</title><a title=\"\(open)x\(close)\">\(open)Tekst\(close)</a><script>\(open)1\(close)</script>\(close)"
        #expect(UntranslatedMark.resolve(html, reference: "nl")
                == "<title>Titel</title><a title=\"x\"><span class=\"untranslated\" lang=\"nl\">Tekst</span></a><script>1</script>")
        #expect(UntranslatedMark.wrap("a\u{E000}b") == open + "ab" + close)
    }
}
