import Testing
import HelpSiteTestSupport
@testable import HelpSiteTranslation

/// The XML reader behind import-xliff: what is well-formed is read as XML says, the rest is an error where it is.
@Suite("Reading XML")
struct XMLReaderTests {
    func problem(_ xml: String) -> String {
        do {
            _ = try XMLReader.parse(xml)
            return "no error"
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    @Test("references, CDATA, namespaces and line ends")
    func wellFormed() throws {
        let root = try XMLReader.parse("""
            <?xml version="1.0" encoding="utf-8"?>\r
            <!-- a comment -->\r
            <x:doc xmlns:x="urn:example" xmlns="urn:default" a="1&#10;2\t3">\r
              <t xml:space="preserve">&lt;b&gt; &amp; &quot;&apos; &#233;&#xE9; <![CDATA[<raw> & ]]>line\r
            two\rthree</t>\r
            </x:doc>
            """)
        #expect(root.name == "doc" && root.namespace == "urn:example")
        #expect(root.attribute("a") == "1\n2 3")
        let text = try #require(root.elements.first)
        #expect(text.namespace == "urn:default" && text.line == 4 && text.column == 3)
        #expect(text.attribute("space", namespace: XMLElement.xmlNamespace) == "preserve")
        guard case .text(let value, _, _) = text.children.first else { Issue.record("no text"); return }
        #expect(value == "<b> & \"' éé <raw> & line\ntwo\nthree")
    }

    @Test("what is not well-formed, at its line and column", arguments: [
        ("<a><b></a>", "1:7: </a> closes <b>, opened at line 1, column 4"),
        ("<a>\n  <b>", "2:3: the file ends before </b>; <b> opened here is never closed"),
        ("<a x='1' x='2'/>", "1:10: attribute 'x' is written twice in <a>"),
        ("<a>&nbsp;</a>", "1:4: unknown entity '&nbsp;': XML knows only &amp; &lt; &gt; &quot; &apos;; write the character itself or a numeric reference such as &#160;"),
        ("<a>&#1;</a>", "1:4: '&#1;' is not a character XML allows"),
        ("<a>\u{1}</a>", "1:4: character U+1 is not allowed in XML"),
        ("<p:a/>", "1:1: the prefix 'p' of <p:a> is not declared (xmlns:p=\"…\")"),
        ("<a b=\"<\"/>", "1:7: '<' is not allowed in an attribute value; write &lt;"),
        ("<a>]]></a>", "1:4: ']]>' is not allowed in text; write ]]&gt;"),
        ("<a/><b/>", "1:5: text after the end of the root element <a>"),
        ("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", "1:1: a document type declaration (<!DOCTYPE) is not accepted in an XLIFF file"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "1:21: encoding 'ISO-8859-1' is not read; save the file as UTF-8"),
        ("<a><!-- x -- y --></a>", "1:11: '--' is not allowed inside a comment"),
        ("", "1:1: the file holds no XML element"),
    ])
    func malformed(xml: String, expected: String) {
        #expect(problem(xml) == expected)
    }

    @Test("nesting is limited, so a hostile file cannot exhaust the stack")
    func deepNesting() {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(problem(deep) == "1:193: elements are nested more than 64 deep")
    }
}
