import HelpSiteModel

/// The preview's visible fallback (`SiteRenderer(markUntranslated: true)`): text a
/// translation still shows in the reference language is wrapped in an element with the
/// reference's `lang` and the class `untranslated`, which the stylesheet outlines.
///
/// Plain values are escaped by the templates, so they cannot carry markup. They carry
/// two private-use characters instead, which escaping keeps; once the page is rendered,
/// `resolve` turns them into a `<span>` in running text and drops them where markup
/// cannot go (inside a tag, `<title>`, `<script>`).
enum UntranslatedMark {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    /// A plain value, marked to become a `<span>`.
    static func wrap(_ text: String) -> String {
        String(Character(open)) + strip(text) + String(Character(close))
    }

    /// Rendered Markdown, wrapped at once: it is inserted as HTML.
    static func wrapHTML(_ html: String, reference: String) -> String {
        "<div class=\"untranslated\" lang=\"\(HTML.escape(reference))\">" + strip(html) + "</div>"
    }

    /// Without the two marks, so that a translator's own private-use characters never become markup.
    static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == open || $0 == close }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != open && $0 != close })
        return String(scalars)
    }

    /// The page with each mark made a `<span>` or dropped.
    static func resolve(_ html: String, reference: String) -> String {
        guard html.unicodeScalars.contains(open) else { return html }
        let span = "<span class=\"untranslated\" lang=\"\(HTML.escape(reference))\">".unicodeScalars
        var result = String.UnicodeScalarView()
        var inTag = false
        var rawUntil: String?
        var depth = 0
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == open || scalar == close {
                if !inTag, rawUntil == nil {
                    if scalar == open {
                        result.append(contentsOf: span)
                        depth += 1
                    } else if depth > 0 {
                        result.append(contentsOf: "</span>".unicodeScalars)
                        depth -= 1
                    }
                }
                index += 1
                continue
            }
            if scalar == "<", !inTag {
                let name = tagName(scalars, after: index + 1)
                if let end = rawUntil {
                    if name == "/" + end { rawUntil = nil; inTag = true }
                } else {
                    inTag = true
                    if ["title", "script", "style", "textarea"].contains(name) { rawUntil = name }
                }
            } else if scalar == ">", inTag {
                inTag = false
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// `title` for `<title>`, `/title` for `</title>`, lower-cased.
    private static func tagName(_ scalars: [Unicode.Scalar], after start: Int) -> String {
        var name = ""
        var index = start
        while index < scalars.count, scalars[index] == "/" || scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        return name.lowercased()
    }
}
