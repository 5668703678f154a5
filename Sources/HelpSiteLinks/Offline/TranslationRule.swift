import HelpSiteModel
/// Every page links to each of its translations, and its `hreflang` set is
/// complete (every translation, itself included), reciprocal (each target
/// points back) and consistent (each `hreflang` is the target's `<html lang>`).
///
/// Which pages are translations of each other comes from the content (the
/// same page id in each language) when the site was loaded; otherwise from
/// the `<link rel="alternate" hreflang>` links themselves.
struct TranslationRule: OfflineRule {
    /// An `hreflang` on a link into the site whose target page exists.
    struct Alternate {
        let link: ResolvedLink
        let hreflang: String
        let target: String
    }

    func check(_ context: OfflineContext, into findings: inout OfflineFindings) {
        var alternates: [Int: [Alternate]] = [:]
        for link in context.links {
            guard let hreflang = link.link.hreflang, !hreflang.isEmpty, case .internalFile(let target?, _, _) = link.target else { continue }
            let alternate = Alternate(link: link, hreflang: hreflang, target: target)
            checkConsistent(alternate, context, into: &findings)
            if link.link.element == "link", link.link.rel.contains("alternate") { alternates[link.page, default: []].append(alternate) }
        }
        let groups = Self.translationGroups(context, alternates: alternates)
        for (index, page) in context.folder.pages.enumerated() {
            guard let expected = groups[page.path] else { continue }
            let declared = alternates[index] ?? []
            for (code, path) in expected.sorted(by: { $0.key < $1.key }) {
                if !declared.contains(where: { $0.hreflang.lowercased() == code.lowercased() && $0.target == path }) {
                    findings.problems.append(context.problem(
                        .error, .linkHreflangIncomplete, "incomplete hreflang set: no <link rel=\"alternate\" hreflang=\"\(code)\"> to \(context.folder.display(path))",
                        page: page.path))
                }
                if path != page.path, !context.pageLinks[index].contains(where: { Self.isAnchor(context.links[$0], to: path) }) {
                    findings.problems.append(context.problem(
                        .error, .linkTranslationMissing, "no link to the \(code) translation \(context.folder.display(path)): visitors cannot switch to it",
                        page: page.path))
                }
            }
            for alternate in declared where alternate.target != page.path && alternate.hreflang != "x-default" {
                let pointsBack = (alternates[context.pageIndex[alternate.target] ?? -1] ?? []).contains { $0.target == page.path }
                if !pointsBack, context.pageIndex[alternate.target] != nil {
                    findings.problems.append(context.problem(
                        .error, .linkHreflangReciprocal, "hreflang '\(alternate.hreflang)' is not reciprocal: \(context.folder.display(alternate.target)) has no alternate link back to this page",
                        at: alternate.link))
                }
            }
        }
    }

    /// An `<a>` or `<area>` that leads to the page at `path`.
    static func isAnchor(_ link: ResolvedLink, to path: String) -> Bool {
        guard link.link.element == "a" || link.link.element == "area", case .internalFile(let target?, _, _) = link.target else { return false }
        return target == path
    }

    /// `hreflang="en"` must lead to a page whose `<html lang>` is `en` (or `en-GB`). A plain
    /// link (`<a>`) may also lead to a page that holds that language among others, such as
    /// the home page's language choice; an alternate (`<link>`) may not.
    private func checkConsistent(_ alternate: Alternate, _ context: OfflineContext, into findings: inout OfflineFindings) {
        guard alternate.hreflang != "x-default", let index = context.pageIndex[alternate.target] else { return }
        let lang = context.folder.pages[index].lang
        if let lang, lang == alternate.hreflang { return }
        let wanted = alternate.hreflang.lowercased(), actual = (lang ?? "").lowercased()
        guard actual != wanted, !actual.hasPrefix(wanted + "-") else { return }
        if alternate.link.link.element != "link",
           context.folder.pages[index].languages.contains(where: { $0 == wanted || $0.hasPrefix(wanted + "-") }) { return }
        findings.record(alternate.link.key, .broken)
        let declared = lang.map { "<html lang=\"\($0)\">" } ?? "no <html lang>"
        findings.problems.append(context.problem(
            .error, .linkHreflangMismatch, "hreflang '\(alternate.hreflang)' does not match its target: \(context.folder.display(alternate.target)) has \(declared)",
            at: alternate.link))
    }

    /// Page path → language → path of each translation, the page itself included.
    static func translationGroups(_ context: OfflineContext, alternates: [Int: [Alternate]]) -> [String: [String: String]] {
        var groups: [String: [String: String]] = [:]
        if !context.sources.translations.isEmpty {
            for group in context.sources.translations.values {
                for path in group.values where context.pageIndex[path] != nil { groups[path] = group }
            }
            return groups
        }
        // Without the content, a group is every page joined by alternate links, each under its own lang.
        var seen: Set<String> = []
        for page in context.folder.pages where !seen.contains(page.path) && alternates[context.pageIndex[page.path]!] != nil {
            var members: [String] = [], queue = [page.path]
            while let path = queue.popLast() {
                guard !seen.contains(path), let index = context.pageIndex[path] else { continue }
                seen.insert(path)
                members.append(path)
                queue += (alternates[index] ?? []).map(\.target)
            }
            var group: [String: String] = [:]
            for path in members.sorted() {
                if let index = context.pageIndex[path], let lang = context.folder.pages[index].lang, group[lang] == nil { group[lang] = path }
            }
            for path in members { groups[path] = group }
        }
        return groups
    }
}
