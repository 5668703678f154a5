import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteLinks

/// The tokenizer the link check reads pages with: what is a tag, what is not.
@Suite("HTML tokenizer")
struct HTMLTokenizerTests {
    func tags(_ html: String) -> [HTMLTag] {
        HTMLTokenizer.tokens(in: Array(html.utf8)).compactMap {
            if case .startTag(let tag) = $0 { return tag }
            return nil
        }
    }

    func attributes(_ html: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (tags(html).first?.attributes ?? []).map { ($0.name, $0.value) })
    }

    @Test func quotedUnquotedAndEmptyAttributes() {
        #expect(attributes(#"<a href="x y" title='it"s' class=plain hidden data-x = "spaced">"#)
            == ["href": "x y", "title": "it\"s", "class": "plain", "hidden": "", "data-x": "spaced"])
    }

    @Test func namesAreCaseInsensitiveAndTheFirstDuplicateWins() {
        let tag = tags(#"<A HREF="one" href="two" HrefLang=fr>"#)[0]
        #expect(tag.name == "a" && tag["href"] == "one" && tag["hreflang"] == "fr" && tag.attributes.count == 2)
    }

    @Test func characterReferencesAreDecodedInValues() {
        #expect(attributes(#"<a href="?a=1&amp;b=2&#38;c=3&#x26;d&copy=4" title="&lt;&eacute;&#39;&unknown;&#0;">"#)
            == ["href": "?a=1&b=2&c=3&d&copy=4", "title": "<é'&unknown;\u{FFFD}"])
        // A legacy name without `;` is decoded unless `=` or a letter follows, as in a query string.
        #expect(attributes("<a title='a &amp b' href='?x&amp=1'>") == ["title": "a & b", "href": "?x&amp=1"])
        #expect(attributes("<a title='&#x80;&#150;'>") == ["title": "€–"])
    }

    @Test func commentsDoctypeAndBogusCommentsAreNotTags() {
        let tokens = HTMLTokenizer.tokens(in: Array(
            "<!DOCTYPE html><!-- <a href=x> --><!--><!---><? php <a> ?><! x ><a href=y></ a><p>".utf8))
        let described = tokens.map { token -> String in
            switch token {
            case .doctype(let text, _): return "doctype \(text)"
            case .comment(let text, _): return "comment [\(text)]"
            case .startTag(let tag): return "<\(tag.name)>"
            case .endTag(let name, _): return "</\(name)>"
            }
        }
        // `<?` and `</ ` open bogus comments that end at the first `>`, as the standard says.
        #expect(described == ["doctype html", "comment [ <a href=x> ]", "comment []", "comment []", "comment [? php <a]",
                              "comment [ x ]", "<a>", "comment [ a]", "<p>"])
        #expect(tokens[1] == .comment(" <a href=x> ", offset: 15))
        #expect(tags("<!-- a --!><a href=after>").map(\.name) == ["a"])
        #expect(tags("<!-- never closed <a href=x>").isEmpty)
    }

    @Test func rawTextElementsHoldNoTags() {
        let html = """
            <script>var s = "<a href='no'>"; if (a < b) {} "</scrip" + "t>";</script>
            <style>a::after { content: "<img src=no>"; }</STYLE >
            <title><a href=no></title><textarea><a href=no></textarea><a href=yes>
            """
        #expect(tags(html).map(\.name) == ["script", "style", "title", "textarea", "a"])
        #expect(tags(html).last?["href"] == "yes")
    }

    @Test func aLessThanThatStartsNoTagIsText() {
        #expect(tags("1 < 2 and 3 <= 4, <3 <a href=x>").map(\.name) == ["a"])
    }

    @Test func selfClosingAndSlashesBetweenAttributes() {
        let tag = tags(#"<img/src="a.png"/alt=""/>"#)[0]
        #expect(tag.name == "img" && tag["src"] == "a.png" && tag.selfClosing)
    }

    @Test func aTagCutOffByTheEndOfTheFileIsDropped() {
        #expect(tags(#"<p><a href="x"#).map(\.name) == ["p"])
        #expect(tags("<p><a href=x").map(\.name) == ["p"])
    }

    @Test func linesAndColumnsOfAttributes() {
        let html = "<!DOCTYPE html>\r\n<p>\n  <a\n     href=\"x\">é <b id=y>"
        let bytes = Array(html.utf8)
        let lines = HTMLLineIndex(bytes)
        let found = tags(html)
        #expect(lines.position(of: found[1].attribute("href")!.offset) == (4, 6))
        // Columns count characters, not bytes: `é` is two bytes and one column.
        #expect(lines.position(of: found[2].attribute("id")!.offset) == (4, 20))
        #expect(lines.position(of: found[0].offset) == (2, 1))
    }

    @Test func pagesListTheirLinksIdsAndLang() {
        let page = HTMLPage(path: "nl/index.html", bytes: Array("""
            <html lang="nl"><link rel="Alternate Stylesheet" href="a.css">
            <img src="a.png" srcset="b.png 2x, c.png 3x"><a name="old"></a><h2 id="new"></h2>
            <a href=" spaced.html ">x</a>
            """.utf8))
        #expect(page.lang == "nl" && page.ids == ["old", "new"])
        #expect(page.links.map(\.url) == ["a.css", "a.png", "b.png", "c.png", "spaced.html"])
        #expect(page.links[0].rel == ["alternate", "stylesheet"] && page.links[1].offset == 68)
    }
}
