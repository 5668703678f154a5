import Foundation
import HelpSiteModel
import HelpSiteRender

/// What a build publishes at which address, against the ledger of every address the site
/// ever published (`PublishedAddresses`, `content/published.txt`): an address of the ledger
/// must still be served, by a page or by a redirect of site.yaml. Worked out from the pages'
/// summaries (id, slug) alone, so that it costs a few lines per page and no page is read
/// for it.
struct AddressPlan {
    /// The redirects to serve, each to a page of this build.
    var redirects: [ServedRedirect]
    /// The ledger with the addresses this build publishes for the first time.
    var ledger: PublishedAddresses

    /// The addresses this build publishes for the first time, in order.
    var newAddresses: [String] { ledger.entries.filter { $0.line == 0 }.map(\.address) }
    var gainsAddresses: Bool { ledger.entries.contains { $0.line == 0 } }

    /// - Parameter site: every page as its summary at least.
    static func make(_ site: Site, ledgerFile: String) -> (AddressPlan, Diagnostics) {
        let (ledger, ledgerProblems) = PublishedAddresses.read(ledgerFile)
        var diagnostics = ledgerProblems
        let addresses = SiteAddresses(site: site)
        // Address → what the plan needs of its page; the pages themselves are not copied.
        var pages: [String: (language: String, page: Served)] = [:]
        for content in site.languages {
            for index in content.pages.indices {
                let id = content.pages[index].id
                pages[addresses.path(language: content.language.code, pageID: id)] =
                    (content.language.code, Served(id: id, slug: content.pages[index].slug, title: content.pages[index].title.value))
            }
        }
        let languages = Set(site.languages.map(\.language.code))
        let redirectedFrom = Set(site.settings.redirects.map(\.from.value))
        var redirects: [ServedRedirect] = []
        for redirect in site.settings.redirects {
            let from = redirect.from.value
            if let owner = pages[from] {
                diagnostics.append(Diagnostic(
                    .error, "\(from) is the address of page '\(owner.page.id)'; a redirect would hide the page: remove it from redirects",
                    at: redirect.from.location, notes: [.init("the page's slug", at: owner.page.slug.location)], code: .addressRedirect))
                continue
            }
            let language = from.split(separator: "/").first.map(String.init).flatMap { languages.contains($0) ? $0 : nil }
            let target: String
            switch redirect.to.value {
            case .page(let id):
                guard let language else {
                    diagnostics.append(Diagnostic(
                        .error, "\(from) is in no language's folder, so page '\(id)' does not say which language: write the new address, such as \(addresses.path(language: site.settings.referenceLanguage, pageID: id))",
                        at: redirect.to.location, code: .addressRedirect))
                    continue
                }
                target = addresses.path(language: language, pageID: id)
                guard pages[target]?.page.id == id else {
                    let ids = site.languages.first { $0.language.code == language }?.pages.map(\.id) ?? []
                    diagnostics.append(Diagnostic(
                        .error, "\(from) redirects to page '\(id)', and \(language) has no such page\(Self.closest(id, among: ids))",
                        at: redirect.to.location, code: .addressRedirect))
                    continue
                }
            case .address(let address):
                target = address
                guard pages[address] != nil else {
                    let why = redirectedFrom.contains(address) ? "is itself redirected; redirect straight to where it goes" : "is the address of no page of this build"
                    diagnostics.append(Diagnostic(
                        .error, "\(from) redirects to \(address), which \(why)\(Self.closest(address, among: Array(pages.keys)))",
                        at: redirect.to.location, code: .addressRedirect))
                    continue
                }
            }
            let (targetLanguage, page) = pages[target]!
            redirects.append(ServedRedirect(from: from, to: target, language: targetLanguage, title: page.title))
        }
        for entry in ledger.entries where pages[entry.address] == nil && !redirectedFrom.contains(entry.address) {
            diagnostics.append(dropped(entry, ledger: ledger, pages: site, addresses: addresses))
        }
        let published = pages.map { (address: $0.key, page: $0.value.page.id) }
            + redirects.map { (address: $0.from, page: pages[$0.to]!.page.id) }
        return (AddressPlan(redirects: redirects, ledger: ledger.adding(published)), diagnostics)
    }

    /// An address of the ledger that no page has and no redirect serves: at the page's slug
    /// when the page is still there (the slug was changed), at the ledger's line otherwise.
    private static func dropped(_ entry: PublishedAddresses.Entry, ledger: PublishedAddresses, pages site: Site,
                                addresses: SiteAddresses) -> Diagnostic {
        let line = SourceLocation(file: ledger.file, line: entry.line, column: 1)
        let language = entry.address.split(separator: "/").first.map(String.init) ?? ""
        let example = "redirects: { \(entry.address): \(entry.page) }"
        if let page = site.languages.first(where: { $0.language.code == language })?.page(id: entry.page) {
            let now = addresses.path(language: language, pageID: page.id)
            return Diagnostic(
                .error, "this build would drop the published address \(entry.address): page '\(page.id)' is now at \(now). Keep the slug, or say in site.yaml where the old address goes: \(example)",
                at: page.slug.location, notes: [.init("\(entry.address) was published", at: line)], code: .addressDropped)
        }
        return Diagnostic(
            .error, "this build would drop the published address \(entry.address) of page '\(entry.page)', which no page has any more: say in site.yaml under redirects: where it now goes (\(entry.address): <page id>)",
            at: line, code: .addressDropped)
    }

    /// A page as the plan knows it by its address.
    private struct Served {
        var id: String
        var slug: Located<String>
        var title: String
    }

    /// `; did you mean 'complaints'?` for the nearest of `candidates`, when one is near.
    static func closest(_ text: String, among candidates: [String]) -> String {
        let scored = candidates.map { ($0, distance(Array(text), Array($0))) }.filter { $0.1 <= max(2, text.count / 3) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
