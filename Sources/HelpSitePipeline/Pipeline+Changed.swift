import Foundation
import HelpSiteModel
import HelpSiteMarkdown
import HelpSiteContent
import HelpSiteRender
import HelpSitePublish
import HelpSiteSearch

extension Pipeline {
    /// A group some of whose pages changed since the `previous` build, read in part: only the
    /// pages `changed` (in every language) are read and checked. The others are taken from the
    /// build's summaries: known clean, their search records from the cache, their files kept;
    /// only those whose navigation changed (a title or slug of the group in their language) are
    /// read again, and rendered. Editing one page's text reads three files, not the group's.
    /// nil, with nothing read or written, when an unchanged page is not known so (its search
    /// record or clean verdict missing), or no page is unchanged: the group is then read whole.
    func readChanged(_ ids: ArraySlice<String>, changed: Set<String>, of skeleton: Site, as previous: IncrementalBuild,
                     check: CheckSession, renderer: SiteRenderer, search: SearchBuild, unchanged: UnchangedPages,
                     state: GroupState, writing write: @Sendable (OutputFile) throws -> Void) -> GroupFindings? {
        let keptIDs = ids.filter { !changed.contains($0) }
        guard !keptIDs.isEmpty else { return nil }
        // Every file of an unchanged page has its summary (`IncrementalBuild.unchangedPages`).
        let kept = skeleton.replacingPages(byLanguage: [skeleton.languages.map { content in
            let folder = Paths.join(self.content, content.language.code)
            return keptIDs.compactMap { previous.summary(ofPageFile: Paths.join(folder, $0 + ".yaml"))?.page }
        }])
        guard let records = search.cached(partly: ids, kept: kept, unchanged: unchanged), check.reuse(kept) else { return nil }

        let parses = MarkdownParses()
        var (read, findings) = check.read(ids.filter(changed.contains)[...], of: skeleton, parses: parses)
        findings.load.append(contentsOf: renderer.layoutProblems(read))
        // The group in its order: the pages read, and the others' summaries.
        let group = Self.merging(read, into: kept, order: ids)
        findings.summaries = group.languages.map { $0.pages.map(\.summary) }
        if findings.hasErrors { state.stopWriting() }
        guard state.writing else { return findings }
        do {
            try search.read(read, merging: records, into: group, ids: ids, parses: parses, unchanged: unchanged, writing: write)
            let unread = try renderer.renderPages(group, whole: { changed.contains($1) }, unchanged: unchanged, parses: parses,
                                                  writing: write)
            guard !unread.isEmpty else { return findings }
            let (more, problems) = SiteLoader.loadPages(keptIDs, of: skeleton, contentDirectory: content, only: unread)
            findings.load.append(contentsOf: problems)
            guard !problems.hasErrors else {
                state.stopWriting()
                return findings
            }
            _ = try renderer.renderPages(Self.merging(more, into: group, order: ids), whole: { _, _ in true }, only: unread,
                                         unchanged: unchanged, writing: write)
        } catch {
            state.fail(error)
        }
        return findings
    }

    /// The pages of `pages` and of `site`, per language in the order of `ids`; where both have
    /// a page, the one of `pages`.
    private static func merging(_ pages: Site, into site: Site, order ids: ArraySlice<String>) -> Site {
        site.replacingPages(byLanguage: [zip(pages.languages, site.languages).map { first, second in
            ids.compactMap { id in first.position(ofPage: id).map { first.pages[$0] } ?? second.position(ofPage: id).map { second.pages[$0] } }
        }])
    }
}
