/// What must hold across a language's pages for the site to be built at all:
/// no two pages at one address. (Missing translations are found from the
/// files; whether the facts agree is the check stage's business.)
enum SiteStructure {
    static func check(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        for content in site.languages {
            var slugs: [String: SourceLocation] = [:]
            for page in content.pages {
                if let first = slugs[page.slug.value] {
                    diagnostics.error("two pages of '\(content.language.code)' have the slug '\(page.slug.value)'",
                                      at: page.slug.location, notes: [.init("the other one", at: first)])
                }
                slugs[page.slug.value] = page.slug.location
            }
        }
        return diagnostics
    }
}
