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
}
