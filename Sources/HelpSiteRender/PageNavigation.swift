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
    /// - Parameter menu: the group as every page of it at this depth shows it, made once for
    ///   them all (`Menu.make`); made here when not given.
    func group(_ menu: Menu? = nil) -> TemplateObject? {
        guard let menu = menu ?? navigationGroup.flatMap({ Menu.make($0, in: content, addresses: addresses, root: SiteAddresses.relativeRoot(from: from)) })
        else { return nil }
        var pages = menu.pages
        for index in menu.pageIDs.indices where menu.pageIDs[index] == page.id {
            pages[index] = .object(Menu.link(name: menu.names[index], href: menu.hrefs[index], current: true))
        }
        return TemplateObject(["id": .text(menu.id), "name": .text(menu.name), "pages": .list(pages)])
    }

    /// A navigation group in one language as a page a given depth below the site's root
    /// lists it, no page marked current: the same for every page of the group, so made once
    /// for all of them (each page marks itself). Listing the group anew for each page was a
    /// page lookup, a title typeset and a relative address for each of its pages.
    struct Menu: Sendable {
        let id: String
        let name: String
        let pageIDs: [String]
        let names: [String]
        let hrefs: [String]
        let pages: [TemplateValue]

        /// - Parameter root: `SiteAddresses.relativeRoot` of the pages that show it.
        static func make(_ group: NavigationGroup, in content: LanguageContent, addresses: SiteAddresses, root: String) -> Menu? {
            guard let title = content.strings.groupTitles[group.id.value] else { return nil }
            let typeset = content.strings.typography.apply
            var pageIDs: [String] = [], names: [String] = [], hrefs: [String] = []
            for id in group.pages {
                guard let other = content.page(id: id.value) else { continue }
                pageIDs.append(other.id)
                names.append(typeset(other.title.value))
                hrefs.append(root + addresses.path(language: content.language.code, pageID: other.id))
            }
            return Menu(id: group.id.value, name: typeset(title), pageIDs: pageIDs, names: names, hrefs: hrefs,
                        pages: zip(names, hrefs).map { .object(link(name: $0, href: $1, current: false)) })
        }

        static func link(name: String, href: String, current: Bool) -> TemplateObject {
            TemplateObject(["name": .text(name), "href": .text(href), "current": .bool(current)])
        }
    }
}
