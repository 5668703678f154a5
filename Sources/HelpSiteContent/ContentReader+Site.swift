import Foundation
import HelpSiteModel

extension ContentReader {
    /// `content/site.yaml`.
    package mutating func siteSettings(_ root: YAMLNode) -> SiteSettings? {
        guard let fields = fields(root, what: "the site settings", keys: ["name", "base_url", "phone_region", "languages", "place_names", "url_variants", "link_check", "navigation",
                                                                      "redirects", "outside_facts", "banned_links", "review_every"]) else {
            return nil
        }
        let name = text(fields, "name")
        let baseURL = text(fields, "base_url").flatMap { checkedBaseURL($0) }
        let region = text(fields, "phone_region")
        if let region, PhoneNumber.callingCodes[region.value] == nil {
            diagnostics.error(PhoneNumber.Problem.unknownRegion(region.value).description, at: region.location)
        }
        let languages = list(fields, "languages").compactMap { language($0) }
        checkLanguages(languages, at: fields["languages"].map(location) ?? fields.location)
        let equivalents = FactEquivalents(
            placeNames: equivalents(fields, "place_names", languages: languages),
            urlVariants: equivalents(fields, "url_variants", languages: languages))
        let linkCheck = linkCheckSettings(fields)
        let redirects = redirects(fields, baseURL: baseURL?.value)
        let outsideFacts = outsideFacts(fields)
        guard let name, let baseURL, let region else { return nil }
        var settings = SiteSettings(name: name, baseURL: baseURL, phoneRegion: region, languages: languages, equivalents: equivalents)
        settings.redirects = redirects
        settings.outsideFacts = outsideFacts
        settings.linkCheck = linkCheck
        settings.navigation = navigation(fields)
        settings.bannedLinks = bannedLinks(fields)
        settings.reviewEvery = reviewPeriod(fields)
        return settings
    }

    /// `navigation:`: a list of groups, each `group: <id>` and `pages: [<page id>, …]`.
    private mutating func navigation(_ fields: Fields) -> [NavigationGroup] {
        let groups = list(fields, "navigation", required: false).compactMap { node -> NavigationGroup? in
            guard let group = self.fields(node, what: "a navigation group", keys: ["group", "pages"]) else { return nil }
            let id = text(group, "group").flatMap { checkedID($0) }
            let pages = textList(group, "pages")
            guard let id else { return nil }
            return NavigationGroup(id: id, pages: pages)
        }
        checkUniqueIDs(groups.map(\.id), what: "navigation group")
        var seen: [String: SourceLocation] = [:]
        for page in groups.flatMap(\.pages) {
            if let first = seen[page.value] {
                diagnostics.error("page '\(page.value)' is in two navigation groups; a page has one place in the navigation",
                                  at: page.location, notes: [.init("first listed here", at: first)])
            }
            seen[page.value] = seen[page.value] ?? page.location
        }
        return groups
    }

    private mutating func language(_ node: YAMLNode) -> Language? {
        guard let fields = fields(node, what: "a language", keys: ["code", "name", "reference"]) else { return nil }
        let code = text(fields, "code")
        let name = text(fields, "name")
        let reference = flag(fields, "reference")
        if let code, !isLanguageTag(code.value) {
            diagnostics.error(
                "'\(code.value)' is not a BCP 47 language code; write a lowercase code such as nl, fr, en or nl-BE",
                at: code.location)
            return nil
        }
        guard let code, let name else { return nil }
        return Language(code: code.value, name: name.value, isReference: reference, location: fields.location)
    }

    private mutating func checkLanguages(_ languages: [Language], at location: SourceLocation) {
        var seen: [String: SourceLocation] = [:]
        for language in languages {
            if let first = seen[language.code] {
                diagnostics.error("language '\(language.code)' is listed twice", at: language.location,
                                  notes: [.init("first listed here", at: first)])
            }
            seen[language.code] = seen[language.code] ?? language.location
        }
        let references = languages.filter(\.isReference)
        if references.count != 1, !languages.isEmpty {
            diagnostics.error(
                "exactly one language must be the reference (reference: true); found \(references.count)",
                at: references.dropFirst().first?.location ?? location)
        }
    }

    private mutating func checkedBaseURL(_ url: Located<String>) -> Located<String>? {
        guard let parsed = URLComponents(string: url.value), let scheme = parsed.scheme,
              ["http", "https"].contains(scheme.lowercased()), parsed.host?.isEmpty == false,
              parsed.query == nil, parsed.fragment == nil else {
            diagnostics.error("base_url must be an absolute http(s) address such as https://help.example.com/, found '\(url.value)'",
                              at: url.location)
            return nil
        }
        return Located(url.value.hasSuffix("/") ? url.value : url.value + "/", at: url.location)
    }
}

