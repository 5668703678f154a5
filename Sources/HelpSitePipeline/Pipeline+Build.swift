import Foundation
import HelpSiteModel
import HelpSiteMarkdown
import HelpSiteContent
import HelpSiteRender
import HelpSitePublish
import HelpSiteTranslation
import HelpSiteSearch

extension Pipeline {
    /// The page id of an input file that is a page file (`<content>/<language>/<id>.yaml`).
    static func pageID(ofInput path: String, content: String, languages: [LanguageContent]) -> String? {
        pageFile(ofInput: path, content: content, languages: languages)?.id
    }

    /// The language and page id of an input file that is a page file.
    static func pageFile(ofInput path: String, content: String, languages: [LanguageContent]) -> (language: String, id: String)? {
        // Over the bytes, the content folder's prefix compared in place (not joined into a new
        // path each call): a rebuild asks this of every input, several times (3 % of a one-page
        // rebuild of 1,000 pages, as Strings).
        var path = path, content = content
        let parts = path.withUTF8 { bytes -> (code: String, name: String)? in
            content.withUTF8 { folder -> (code: String, name: String)? in
                var start = 0
                // `Paths.join(content, name)`: no folder for "" and ".", one slash between.
                if !(folder.isEmpty || (folder.count == 1 && folder[0] == UInt8(ascii: "."))) {
                    guard bytes.count > folder.count, memcmp(bytes.baseAddress!, folder.baseAddress!, folder.count) == 0 else { return nil }
                    start = folder.count
                    if folder[folder.count - 1] != UInt8(ascii: "/") {
                        guard bytes[start] == UInt8(ascii: "/") else { return nil }
                        start += 1
                    }
                }
                let rest = bytes[start...]
                guard let slash = rest.firstIndex(of: UInt8(ascii: "/")),
                      !rest[(slash + 1)...].contains(UInt8(ascii: "/")) else { return nil }
                return (String(decoding: rest[..<slash], as: UTF8.self), String(decoding: rest[(slash + 1)...], as: UTF8.self))
            }
        }
        guard let (code, name) = parts, LanguageFolder.isPageFile(name), languages.contains(where: { $0.language.code == code })
        else { return nil }
        return (code, LanguageFolder.pageID(ofFile: name))
    }

    /// Shared by the groups' workers: whether pages are still written, and the first write error.
    final class GroupState: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private var failure: (any Error)?

        var writing: Bool { lock.withLock { !stopped } }
        var error: (any Error)? { lock.withLock { failure } }

        func stopWriting() { lock.withLock { stopped = true } }

        func fail(_ error: any Error) {
            lock.withLock {
                stopped = true
                if failure == nil { failure = error }
            }
        }
    }

    /// A group whose page files are all as they were at the `previous` build, taken from its
    /// summaries without reading a file: its pages must be known clean, and their files still
    /// at hand (kept in the staging folder, or linked from the output). nil, with nothing
    /// written, when they are not: the group is then read.
    private func keep(_ ids: ArraySlice<String>, of skeleton: Site, as previous: IncrementalBuild, check: CheckSession,
                      renderer: SiteRenderer, search: SearchBuild, unchanged: UnchangedPages,
                      writing write: (OutputFile) throws -> Void) throws -> GroupFindings? {
        let summaries = skeleton.replacingPages(byLanguage: [skeleton.languages.map { content in
            let folder = Paths.join(self.content, content.language.code)
            return ids.compactMap { id in
                let file = Paths.join(folder, id + ".yaml")
                return previous.summary(ofPageFile: file)?.page
            }
        }])
        // The search records the build that read the group kept, first: without them the group is read.
        guard let records = search.cached(ids, summaries: summaries, unchanged: unchanged), check.reuse(summaries),
              try renderer.keep(summaries, recorded: { previous.recordedFingerprint(of: $0) }, unchanged: unchanged, writing: write)
        else { return nil }
        try search.add(records, of: ids, unchanged: unchanged, writing: write)
        return GroupFindings(summaries: summaries.languages.map { $0.pages.map(\.summary) })
    }

    /// Builds the site. Throws only when the output cannot be written, and then the
    /// output folder is as it was.
    public func build() throws -> Outcome {
        // A preview and a published site of the same files differ: the option is an input too.
        let incremental = IncrementalBuild(output: output, cache: cacheFolder, folders: [content, templates], generator: generator,
                                           variant: markUntranslated ? "--mark-untranslated" : nil, force: force,
                                           neutral: [ledgerFile])
        if incremental.isUpToDate { return .upToDate }
        let (skeleton, pageIDs, skeletonProblems) = SiteLoader.loadSkeleton(contentDirectory: content)
        let (templates, templateProblems) = TemplateSet.load(directory: self.templates)
        guard let skeleton else { return .failed(Diagnostics(skeletonProblems.all + templateProblems.all)) }
        // Pages known clean from an earlier check or build, and unchanged since, are not checked
        // again (`CheckSession`); --force checks every page.
        let check = CheckSession(site: skeleton, contentDirectory: content,
                                 cacheFile: force ? nil : CheckSession.recordFile(in: cacheFolder), generator: generator,
                                 entries: incremental.walks[content])
        // Nothing is written while the site as a whole is wrong; the pages are still all read
        // and checked, so that every error is found in one build. The staging folder starts
        // from the replaced site where it is still as recorded, so that only what changed is
        // written.
        let staged = templates != nil && !skeletonProblems.hasErrors && !templateProblems.hasErrors
            ? try incremental.stage(protecting: [content, self.templates]) : nil
        // A page is rendered again unless a file made from the same fingerprint is at hand.
        let unchanged = incremental.unchanged(in: staged)
        // A preview outlines what the translation stage finds untranslated.
        let untranslated: UntranslatedPlaces? = markUntranslated ? { @Sendable site in TranslationStatus.untranslatedPlaces(site) } : nil
        let renderer = templates.map { SiteRenderer(templates: $0, workers: 1, untranslated: untranslated) }
        let content = self.content
        let pageGroups = SiteLoader.pageGroups(pageIDs, navigation: skeleton.settings.navigation)
        // The search index leaves a preview's untranslated text out of the page's language.
        let search = SearchBuild(skeleton: skeleton, pageIDs: pageIDs, groups: pageGroups,
                                 cache: SearchRecordCache(cache: cacheFolder, output: output), output: output, inputs: incremental.inputs,
                                 previous: incremental.previous, unchanged: unchanged,
                                 pageLanguage: { Self.pageFile(ofInput: $0, content: content, languages: skeleton.languages)?.language },
                                 neutral: [ledgerFile], untranslated: untranslated)

        // The pages a group at a time, each group on one core: read, checked, rendered, written
        // and let go. Only each page's summary (id, slug, title) is kept, for the site files:
        // memory does not grow with the pages' text. A rebuild reads only the groups with a
        // changed page: the others are known clean and their files kept (`keep`). A preview's
        // marks come from the same inputs, so the same holds for it.
        let unread = incremental.unchangedPages { Self.pageID(ofInput: $0, content: content, languages: skeleton.languages) }
        let state = GroupState()
        let groups = pageGroups.concurrentMap(workers: workers) { ids -> GroupFindings in
            if incremental.previous != nil, let renderer, let staged, ids.allSatisfy(unread.contains) {
                do {
                    if let kept = try keep(ids, of: skeleton, as: incremental, check: check, renderer: renderer, search: search,
                                           unchanged: unchanged, writing: staged.write) {
                        return kept
                    }
                } catch {
                    state.fail(error) // the build stops; the group is read like any other, and nothing more is written
                }
            } else if incremental.previous != nil, untranslated == nil, let renderer, let staged, state.writing,
                      let found = readChanged(ids, changed: Set(ids.filter { !unread.contains($0) }), of: skeleton, as: incremental,
                                              check: check, renderer: renderer, search: search, unchanged: unchanged,
                                              state: state, writing: staged.write) {
                return found
            }
            // The check parses the group's Markdown and hands the documents to the renderer:
            // each text is parsed once.
            let parses = MarkdownParses()
            var (group, findings) = check.read(ids, of: skeleton, parses: parses)
            // A page whose layout has no template cannot be rendered: said at the page's `layout:`.
            if let renderer { findings.load.append(contentsOf: renderer.layoutProblems(group)) }
            if findings.hasErrors { state.stopWriting() }
            guard let renderer, let staged, state.writing else { return findings }
            do {
                // Before the renderer, which uses up the parsed Markdown the index reads too.
                try search.read(group, ids: ids, parses: parses, unchanged: unchanged, writing: staged.write)
                _ = try renderer.renderPages(group, unchanged: unchanged, parses: parses, writing: staged.write)
            } catch {
                state.fail(error)
            }
            return findings
        }
        if let error = state.error {
            staged?.abandon()
            throw error
        }
        // Every group is in: the index's files are made on other threads while the pages'
        // findings are concluded and the site files made (waited for before any exit).
        let indexing = staged.flatMap { staged in state.writing ? search.writing(workers: workers, into: staged) : nil }

        let (site, found, _) = check.conclude(skeleton, problems: skeletonProblems, groups: groups)
        var problems = Diagnostics(found.all + templateProblems.all)
        // Every address of the ledger must still be served; only a site without errors has
        // every page's summary to tell.
        let plan: AddressPlan? = problems.hasErrors ? nil : {
            let (plan, addressProblems) = AddressPlan.make(site, ledgerFile: ledgerFile)
            problems.append(contentsOf: addressProblems)
            return plan
        }()
        guard let renderer, let staged, let plan, !problems.hasErrors else {
            _ = try? indexing?()
            staged?.abandon()
            return .failed(problems)
        }
        // The pages are written: to disk with them while the site files and the index are made.
        staged.startFlushing()
        do {
            try renderer.renderSiteFiles(site, unchanged: unchanged, writing: staged.write)
            try renderer.renderRedirects(plan.redirects, of: site, writing: staged.write)
            try staged.write(RedirectRules.files(plan.redirects, root: SiteAddresses.rootPath(of: site.settings)))
            try indexing?()
            // Before the swap: an address is never published without being in the ledger. Only
            // when it gains one: a ledger a person annotated or reordered is not rewritten to
            // confirm it.
            if recordsAddresses, plan.gainsAddresses { try plan.ledger.write() }
        } catch {
            _ = try? indexing?()
            staged.abandon()
            throw error
        }
        let unrecorded = try incremental.publish(staged, summaries: site.languages.flatMap(\.pages).map(\.summary),
                                                 rewritten: recordsAddresses ? [ledgerFile] : [])
        let unkept = search.conclude(groups: pageGroups)
        return .built(Summary(
            pages: site.languages.reduce(0) { $0 + $1.pages.count }, languages: site.languages.map(\.language.code),
            kept: staged.keptPages, warnings: problems,
            unrecorded: unrecorded.map { $0 + (unkept.map { "; " + $0 } ?? "") } ?? unkept,
            newAddresses: plan.newAddresses, searchMilliseconds: search.milliseconds
        ))
    }
}
