import HelpSiteModel

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

    /// The parts of `name` that are no value at all (`.` is the current item).
    static func unknownParts(of name: String) -> [String] {
        guard name != "." else { return [] }
        return name.split(separator: ".").map(String.init).filter { !known.contains($0) }
    }
}
