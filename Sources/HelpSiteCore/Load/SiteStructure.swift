/// What must hold across the languages for the site to be built at all:
/// every page in every language, and no two pages at one address.
/// (Whether the facts on those pages agree is the check stage's business.)
enum SiteStructure {
    static func check(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        guard let reference = site.reference else { return diagnostics }
        for content in site.languages {
            var slugs: [String: SourceLocation] = [:]
            for page in content.pages {
                if let first = slugs[page.slug.value] {
                    diagnostics.error("two pages of '\(content.language.code)' have the slug '\(page.slug.value)'",
                                      at: page.slug.location, notes: [.init("the other one", at: first)])
                }
                slugs[page.slug.value] = page.slug.location
                if content.language.code != reference.language.code, reference.page(id: page.id) == nil {
                    diagnostics.error(
                        "page '\(page.id)' has no \(reference.language.code) original; every page starts in the reference language",
                        at: SourceLocation(file: page.file))
                }
            }
            guard content.language.code != reference.language.code else { continue }
            for page in reference.pages where content.page(id: page.id) == nil {
                diagnostics.error(
                    "page '\(page.id)' has no \(content.language.code) translation: expected \(SiteLoader.path(folder(of: page.file), content.language.code))/\(page.id).yaml",
                    at: SourceLocation(file: page.file))
            }
        }
        return diagnostics
    }

    /// `content/nl/complaints.yaml` → `content`.
    private static func folder(of file: String) -> String {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        return parts.dropLast(2).joined(separator: "/")
    }
}
