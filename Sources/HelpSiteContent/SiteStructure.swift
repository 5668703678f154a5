import HelpSiteModel

/// What must hold across a language's pages for the site to be built at all:
/// no two pages at one address. (Missing translations are found from the
/// files; whether the facts agree is the check stage's business.)
package enum SiteStructure {
    package static func check(_ site: Site) -> Diagnostics {
        duplicateSlugs(site.languages.map { ($0.language.code, $0.pages.map(\.slug)) })
    }

    /// Each language's slugs, its pages in file order.
    static func duplicateSlugs(_ languages: [(code: String, slugs: [Located<String>])]) -> Diagnostics {
        var diagnostics = Diagnostics()
        for (code, pageSlugs) in languages {
            var slugs: [String: SourceLocation] = [:]
            for slug in pageSlugs {
                if let first = slugs[slug.value] {
                    diagnostics.error("two pages of '\(code)' have the slug '\(slug.value)'",
                                      at: slug.location, notes: [.init("the other one", at: first)])
                }
                slugs[slug.value] = slug.location
            }
        }
        return diagnostics
    }

    /// The navigation of site.yaml names pages that exist, and every language titles its groups.
    static func navigation(_ skeleton: Site, pageIDs: Set<String>) -> Diagnostics {
        var diagnostics = Diagnostics()
        let known = pageIDs.sorted()
        for group in skeleton.settings.navigation {
            for page in group.pages where !pageIDs.contains(page.value) {
                let nearest = known.min { editDistance(page.value, $0) < editDistance(page.value, $1) }
                    .flatMap { editDistance(page.value, $0) <= max(2, page.value.count / 3) ? $0 : nil }
                diagnostics.error("navigation group '\(group.id.value)' names page '\(page.value)', which does not exist"
                                    + (nearest.map { "; did you mean '\($0)'?" } ?? ""), at: page.location)
            }
            for content in skeleton.languages where content.strings.groupTitles[group.id.value] == nil {
                diagnostics.error("navigation group '\(group.id.value)' has no title in \(content.language.code): add it under 'navigation:' in its language.yaml",
                                  at: group.id.location)
            }
        }
        let groups = Set(skeleton.settings.navigation.map(\.id.value))
        for content in skeleton.languages {
            for (id, _) in content.strings.groupTitles where !groups.contains(id) {
                diagnostics.error("'navigation.\(id)' titles a group that site.yaml's navigation does not have",
                                  at: content.strings.locations["navigation." + id] ?? content.language.location)
            }
        }
        return diagnostics
    }
}
