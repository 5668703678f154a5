/// Every value name the templates can use, so that a template naming one that does
/// not exist (`{{titel}}`) is an error with its place instead of an empty spot on
/// every page. Mustache looks a name up through the enclosing sections, so a name is
/// checked against all of them; a dotted name is checked part by part.
enum TemplateValues {
    /// What the page, home and 404 views put in front of the templates (see PageView,
    /// ContactView, SiteRenderer), and the labels of language.yaml.
    static let known: Set<String> = Set([
        // every page
        "lang", "siteName", "title", "description", "canonical", "alternates", "hreflang", "href", "stylesheet",
        "home", "labels", "translations", "name", "current", "introHTML", "steps", "insurance", "structuredDataHTML",
        // steps and sections
        "id", "number", "bodyHTML", "contacts", "checklist", "items", "commitmentsHTML", "products", "note",
        // contact blocks and channels
        "organisation", "departments", "address", "building", "street", "locality", "channels", "hasChannels",
        "label", "kind", "text", "ariaLabel", "hours", "rows", "days", "rangeHTML", "notLocalised", "portalHTML",
        // the home page and the 404 page
        "languages", "chooseLanguage", "pages",
    ] + LanguageStrings.labelKeys.map(\.key))

    /// The names a template uses, with their line and column: `{{name}}`, `{{{name}}}`,
    /// `{{&name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`; comments are skipped and
    /// partials (`{{> name}}`) returned apart.
    static func names(in template: String) -> (values: [(name: String, line: Int, column: Int)], partials: [(name: String, line: Int, column: Int)]) {
        var values: [(String, Int, Int)] = [], partials: [(String, Int, Int)] = []
        let bytes = Array(template.utf8)
        var index = 0, line = 1, lineStart = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            var start = index + 2
            if start < bytes.count, bytes[start] == UInt8(ascii: "{") { start += 1 }
            guard let close = firstClose(bytes, from: start) else { break }
            var inside = String(decoding: bytes[start..<close], as: UTF8.self).trimmed
            index = close + 2
            guard let sigil = inside.first else { continue }
            if sigil == "!" || sigil == "=" { continue }
            if "#^/&>".contains(sigil) { inside = String(inside.dropFirst()).trimmed }
            // A transform such as `count(items)` names the value inside the brackets.
            if let open = inside.firstIndex(of: "("), inside.hasSuffix(")") {
                inside = String(inside[inside.index(after: open)..<inside.index(before: inside.endIndex)])
            }
            if sigil == ">" { partials.append((inside, line, column)) } else { values.append((inside, line, column)) }
        }
        return (values, partials)
    }

    private static func firstClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }

    /// The parts of `name` that are no value at all (`.` is the current item).
    static func unknownParts(of name: String) -> [String] {
        guard name != "." else { return [] }
        return name.split(separator: ".").map(String.init).filter { !known.contains($0) }
    }
}
