import HelpSiteModel

/// Every value name each template can use, so that a template naming one its view never
/// has (`{{titel}}`, or `{{number}}` in a FAQ) is an error with its place instead of an
/// empty spot on every page. Mustache looks a name up through the enclosing sections, so
/// a name is checked against all of them; a dotted name is checked part by part.
enum TemplateValues {
    /// What `PageView` and `PageNavigation` give every layout.
    private static let page: Set<String> = [
        "lang", "layout", "siteName", "title", "description", "canonical", "alternates", "hreflang", "href", "stylesheet",
        "favicon", "home", "labels", "translations", "name", "current", "introHTML", "sections", "breadcrumbs", "items",
        "group", "pages", "id", "blocks", "proseHTML", "noteHTML", "list", "contact", "structuredDataHTML", "updatedHTML",
        "searchScript",
    ]
    /// What `ContactView` gives a contact block and its channels.
    private static let contact: Set<String> = [
        "id", "organisation", "departments", "address", "building", "street", "locality", "channels", "hasChannels",
        "label", "kind", "text", "ariaLabel", "hours", "rows", "days", "rangeHTML", "notLocalised", "portalHTML", "note",
        "href", "hreflang", "postal", "audience", "lines",
    ]
    private static let home: Set<String> = [
        "lang", "siteName", "title", "canonical", "alternates", "hreflang", "href", "stylesheet", "favicon", "home", "labels",
        "translations", "name", "current", "groups", "id", "pages", "description", "others", "searchScript",
    ]
    private static let index: Set<String> = [
        "lang", "siteName", "canonical", "alternates", "hreflang", "href", "stylesheet", "favicon", "languages", "name",
        "chooseLanguage", "homeName",
    ]
    private static let notFound: Set<String> = [
        "lang", "siteName", "title", "labels", "stylesheet", "favicon", "home", "languages", "name", "text", "homeName", "href",
        "searchScript",
    ]
    private static let labels = Set(LanguageStrings.labelKeys.map(\.key))

    /// The values the template `name` is rendered with; a partial may be used by any
    /// template, so it may name what any of them has.
    static func known(by name: String) -> Set<String> {
        switch name {
        case Layout.procedure.rawValue: page.union(contact).union(["number"]).union(labels)
        case Layout.article.rawValue, Layout.faq.rawValue, Layout.contact.rawValue: page.union(contact).union(labels)
        case "home": home.union(labels)
        case "index": index
        case "404": notFound.union(labels)
        default: page.union(contact).union(["number"]).union(home).union(index).union(notFound).union(labels)
        }
    }

    /// Why a name is refused, in a message: `the faq layout never has`, `no page has`.
    static func neverHas(_ name: String) -> String {
        if Layout(rawValue: name) != nil { return "the \(name) layout never has" }
        switch name {
        case "home": return "a language's home page never has"
        case "index": return "the language choice never has"
        case "404": return "the page not found never has"
        default: return "no page has"
        }
    }

    /// The parts of `name` that are no value the template `template` has (`.` is the current item).
    static func unknownParts(of name: String, in template: String) -> [String] {
        guard name != "." else { return [] }
        let known = known(by: template)
        return name.split(separator: ".").map(String.init).filter { !known.contains($0) }
    }
}
