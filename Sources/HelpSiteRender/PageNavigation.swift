import HelpSiteModel

/// Where a page stands in the site: the breadcrumbs from its language's home page
/// through its navigation group, and the other pages of that group. Made from the
/// pages at hand, which hold the whole group (a build reads a navigation group together).
struct PageNavigation {
    let content: LanguageContent
    let page: Page
    /// The page's navigation group, if it is in one.
    let navigationGroup: NavigationGroup?
    let addresses: SiteAddresses
    /// The page's folder, which links start from.
    let from: String

    private var code: String { content.language.code }
    private var typeset: (String) -> String { content.strings.typography.apply }

    /// One step of the trail: a name and, but for the page itself, an address.
    struct Crumb {
        var name: String
        var path: String
    }

    /// Home, the group (its place on the home page), the page.
    func trail() -> [Crumb] {
        var crumbs = [Crumb(name: content.strings.label("home"), path: SiteAddresses.home(language: code))]
        if let group = navigationGroup, let title = content.strings.groupTitles[group.id.value] {
            crumbs.append(Crumb(name: title, path: SiteAddresses.home(language: code) + "#" + group.id.value))
        }
        crumbs.append(Crumb(name: page.title.value, path: addresses.path(language: code, pageID: page.id)))
        return crumbs
    }

    func breadcrumbs() -> TemplateObject {
        let crumbs = trail()
        return TemplateObject(["items": .list(crumbs.enumerated().map { index, crumb in
            let last = index == crumbs.count - 1
            return .object(TemplateObject([
                "name": .text(typeset(crumb.name)),
                "href": last ? nil : .text(SiteAddresses.relative(from: from, to: crumb.path)),
                "current": .bool(last),
            ]))
        })])
    }

    /// The group's title and its pages in this language, the page itself marked current.
    func group() -> TemplateObject? {
        guard let group = navigationGroup, let title = content.strings.groupTitles[group.id.value] else { return nil }
        let pages = group.pages.compactMap { id -> TemplateValue? in
            guard let other = content.page(id: id.value) else { return nil }
            return .object(TemplateObject([
                "name": .text(typeset(other.title.value)),
                "href": .text(SiteAddresses.relative(from: from, to: addresses.path(language: code, pageID: other.id))),
                "current": .bool(other.id == page.id),
            ]))
        }
        return TemplateObject(["id": .text(group.id.value), "name": .text(typeset(title)), "pages": .list(pages)])
    }
}
