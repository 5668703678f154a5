/// What the link check needs from one built page, read with `HTMLTokenizer`:
/// its language, the ids an anchor may point to, and every link with its line.
package struct HTMLPage: Sendable {
    /// One address in the page: `<a href>`, `<link href>`, `<img src>`, a `srcset` candidate.
    /// A class, so that the rules pass it around for one reference count, not seven.
    package final class Link: Sendable {
        package let url: String
        /// `a`, `link`, `img`…
        package let element: String
        package let attribute: String
        /// Byte offset of the attribute in the page; `OfflineContext.position` makes it a line and column
        /// when a problem needs one, so that ten thousand clean pages never count lines.
        package let offset: Int
        /// `rel` of a `<link>` or `<a>`, lowercased: `alternate`, `canonical`, `stylesheet`.
        package let rel: Set<String>
        package let hreflang: String?

        package init(url: String, element: String, attribute: String, offset: Int, rel: Set<String>, hreflang: String?) {
            self.url = url
            self.element = element
            self.attribute = attribute
            self.offset = offset
            self.rel = rel
            self.hreflang = hreflang
        }
    }

    /// Relative to the public folder: `fr/plaintes/index.html`.
    package var path: String
    /// `<html lang>`, if any.
    package var lang: String?
    /// The byte offset of `<html>`, where problems with the page as a whole are reported.
    var htmlOffset: Int
    /// The page's bytes, kept for a page read from a server (a file on disk is read again when needed).
    package var source: [UInt8]?
    var ids: Set<String>
    /// Every `lang` on the page, lowercased: a language-choice page holds several.
    var languages: Set<String>
    package var links: [Link]

    /// The attributes that hold an address, by element.
    static let linkAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "link": ["href"], "img": ["src", "srcset"], "script": ["src"],
        "iframe": ["src"], "embed": ["src"], "source": ["src", "srcset"], "track": ["src"],
        "audio": ["src"], "video": ["src", "poster"], "object": ["data"], "form": ["action"],
        "input": ["src"], "blockquote": ["cite"], "q": ["cite"],
    ]

    private static let href = ["href"], src = ["src"], srcAndSet = ["src", "srcset"], srcAndPoster = ["src", "poster"]
    private static let data = ["data"], action = ["action"], cite = ["cite"]

    /// `linkAttributes[name]`, by comparison rather than hashing: it is asked for every tag.
    static func addressAttributes(of name: String) -> [String]? {
        switch name {
        case "a", "area", "link": return href
        case "img", "source": return srcAndSet
        case "script", "iframe", "embed", "track", "audio", "input": return src
        case "video": return srcAndPoster
        case "object": return data
        case "form": return action
        case "blockquote", "q": return cite
        default: return nil
        }
    }

    /// Every attribute the check reads; the tokenizer skips the others unread.
    static let keptAttributes: Set<String> = Set(linkAttributes.values.joined()).union(["id", "name", "lang", "rel", "hreflang"])

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        var lang: String?
        var htmlOffset = 0
        var ids: Set<String> = []
        var langs: Set<String> = []
        var links: [Link] = []
        HTMLTokenizer.forEachStartTag(in: bytes, keeping: Self.keptAttributes) { tag in
            if tag.name == "html", lang == nil {
                lang = tag["lang"]
                htmlOffset = tag.offset
            }
            if let id = tag["id"], !id.isEmpty { ids.insert(id) }
            if let code = tag["lang"], !code.isEmpty { langs.insert(code.lowercased()) }
            // HTML still scrolls to `<a name>` when no element has the id.
            if tag.name == "a", let name = tag["name"], !name.isEmpty { ids.insert(name) }
            guard let attributes = Self.addressAttributes(of: tag.name) else { return }
            let rel = tag["rel"].map(Self.relTokens) ?? []
            for name in attributes {
                guard let attribute = tag.attribute(name) else { continue }
                let urls = name == "srcset" ? Self.candidates(attribute.value) : [attribute.value]
                for url in urls {
                    links.append(Link(url: Self.trimmed(url), element: tag.name, attribute: name,
                                      offset: attribute.offset, rel: rel, hreflang: tag["hreflang"]))
                }
            }
        }
        self.lang = lang
        self.htmlOffset = htmlOffset
        self.ids = ids
        self.languages = langs
        self.links = links
    }

    /// `rel="Alternate  canonical"` → `alternate`, `canonical`: split on ASCII white space
    /// and lowercased, as HTML reads it (byte by byte: Character's white-space test is a
    /// Unicode lookup, and every link of the site has its `rel` read).
    static func relTokens(_ value: String) -> Set<String> {
        var tokens: Set<String> = []
        for token in value.utf8.split(whereSeparator: HTMLTokenizer.isSpace) {
            tokens.insert(String(decoding: token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self))
        }
        return tokens
    }

    /// The addresses of a `srcset`: `a.png 1x, b.png 2x` → `a.png`, `b.png`.
    static func candidates(_ srcset: String) -> [String] {
        srcset.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }

    /// URLs in attributes may carry spaces around them; browsers strip them.
    static func trimmed(_ url: String) -> String {
        guard let first = url.utf8.first, let last = url.utf8.last,
              HTMLTokenizer.isSpace(first) || HTMLTokenizer.isSpace(last) else { return url }
        var text = Substring(url)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
