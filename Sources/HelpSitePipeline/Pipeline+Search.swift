import Foundation
import HelpSiteModel
import HelpSiteMarkdown
import HelpSitePublish
import HelpSiteSearch

/// The search index of one build (docs/reference/search-index.md), made as the pages are: each
/// group read gives its records (`read`), each group kept unread takes them from the cache of
/// the build that read it (`cached`, then `add`); the index's files are written once every
/// group is in (`write`), into the staging folder like every other file, so a build that fails
/// leaves the published index as it was. It counts the processor time it takes, on every
/// thread (`milliseconds`, printed by `helpsite build --timings`).
final class SearchBuild: @unchecked Sendable {
    private let index: SearchIndex
    private let cache: SearchRecordCache
    /// The output folder, where the last build wrote the page files the cache does not keep.
    private let output: String
    private let settings: SiteSettings
    private let codes: [String]
    /// Page id → its number in the index: its place in the site's order of pages.
    private let numbers: [String: Int]
    /// A group's first page's place → the group's place among the groups.
    private let sequence: [Int: Int]
    /// What every group's records depend on besides its own files: the cache's key.
    private let base: Fingerprint
    /// For a preview: the places of each language's text still in the reference language.
    private let untranslated: (@Sendable (Site) -> [String: Set<SourceLocation>])?
    /// Languages none of whose page files changed since the previous build, whose index
    /// files (`meta.json` and the shards, not the page files) are all at hand: those files,
    /// kept as they are. Their records are not merged nor their shards made again.
    private let kept: [String: [OutputFile]]
    /// Languages started from the index the previous build published (`publishedLanguages`):
    /// the records of a group kept unread are not read for them.
    private let published: [String: PublishedIndex]
    /// Whether a file of the previous build is at hand (`IncrementalBuild.unchanged`).
    private let unchanged: UnchangedPages
    /// The previous build's record, if this build reuses it.
    private let previous: BuildManifest?
    private let lock = NSLock()
    private var failures: [String] = []
    private var spent: Int64 = 0

    /// Processor time spent on the index so far, on every thread, in milliseconds.
    var milliseconds: Int { Int(lock.withLock { spent } / 1_000_000) }

    /// Runs `work`, counting the processor time this thread spends in it.
    private func timed<Result>(_ work: () throws -> Result) rethrows -> Result {
        let start = threadTime()
        defer {
            let used = threadTime() - start
            lock.withLock { spent += used }
        }
        return try work()
    }

    /// - Parameters:
    ///   - inputs: the build's input files and their stamps; those that are not page files
    ///     (site.yaml, each language's files, the templates, the executable, the preview's
    ///     marks) go into every group's key.
    ///   - previous: the previous build's record, if this build reuses it.
    ///   - unchanged: whether a file of the previous build is at hand (`IncrementalBuild.unchanged`).
    ///   - pageLanguage: the language of an input that is a page file, nil for any other input.
    ///   - neutral: inputs no page is made from (the ledger of published addresses, which a
    ///     build rewrites): left out of the key.
    init(skeleton: Site, pageIDs: [String], groups: [ArraySlice<String>], cache: SearchRecordCache, output: String,
         inputs: [String: BuildManifest.Stamp], previous: BuildManifest?, unchanged: @escaping UnchangedPages,
         pageLanguage: (String) -> String?, neutral: Set<String>,
         untranslated: (@Sendable (Site) -> [String: Set<SourceLocation>])?) {
        settings = skeleton.settings
        codes = skeleton.languages.map(\.language.code)
        // A preview's marks in one language depend on the reference's files: it keeps nothing.
        let codes = codes
        let base = Self.key(inputs: inputs, pageLanguage: pageLanguage, neutral: neutral)
        let (kept, published) = untranslated != nil ? ([:], [:]) : Self.reused(
            codes, inputs: inputs, previous: previous, unchanged: unchanged, output: output, cache: cache, key: base,
            pageLanguage: pageLanguage, neutral: neutral)
        (self.kept, self.base, self.published) = (kept, base, published)
        index = SearchIndex(languages: codes, settings: skeleton.settings, skipping: Set(kept.keys), published: published)
        self.cache = cache
        self.output = output
        self.unchanged = unchanged
        self.previous = previous
        numbers = Dictionary(pageIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        sequence = Dictionary(groups.enumerated().map { ($1.startIndex, $0) }, uniquingKeysWith: { first, _ in first })
        self.untranslated = untranslated
    }

    /// A group read: its records made from the pages (and the Markdown the check parsed),
    /// its page files written, its records kept for the next build.
    func read(_ group: Site, ids: ArraySlice<String>, parses: MarkdownParses, unchanged: UnchangedPages,
              writing write: (OutputFile) throws -> Void) throws {
        try timed {
            let made = SearchRecords(settings: settings, untranslated: untranslated?(group) ?? [:], parses: parses).records(of: group)
            let records = Self.marking(made, from: group)
            try addTimed(records, of: ids, unchanged: unchanged, writing: write)
            keep(records, ids: ids)
        }
    }

    /// A group read in part (`Pipeline.readChanged`): the records of the pages of `changed`
    /// (read whole) made, the others' taken from `cached` (`cached(partly:)`), in the group's
    /// order (`group`, whose other pages are summaries); written and kept as for a group read whole.
    func read(_ changed: Site, merging cached: GroupRecords, into group: Site, ids: ArraySlice<String>, parses: MarkdownParses,
              unchanged: UnchangedPages, writing write: (OutputFile) throws -> Void) throws {
        try timed {
            let fresh = Self.marking(SearchRecords(settings: settings, parses: parses).records(of: changed), from: changed)
            let records = GroupRecords(languages: group.languages.indices.map { language in
                // `cached(partly:)` made sure of every page not in `changed`.
                guard let merged = cached.languages[language].merging(fresh.languages[language], order: group.languages[language].pages.map(\.id))
                else { preconditionFailure("a page of the group has no search record") }
                return merged
            })
            try addTimed(records, of: ids, unchanged: unchanged, writing: write)
            keep(records, ids: ids)
        }
    }

    /// Each page's record marked with the fingerprint of the file it was made from.
    private static func marking(_ records: GroupRecords, from group: Site) -> GroupRecords {
        var records = records
        for (language, content) in zip(records.languages.indices, group.languages) {
            for (index, page) in zip(records.languages[language].pages.indices, content.pages) {
                records.languages[language].pages[index].source = page.fingerprint.value
            }
        }
        return records
    }

    /// Keeps a group's records for the next build; one that cannot be kept is said at the end.
    private func keep(_ records: GroupRecords, ids: ArraySlice<String>) {
        do {
            let numbers = self.numbers
            try cache.write(records, of: ids, key: base, number: { numbers[$0] ?? 0 })
        } catch {
            lock.withLock { failures.append("\(cache.file(of: ids)): \(error)") }
        }
    }

    /// The records a build kept for a group whose files are unchanged, read from its summaries;
    /// nil when there are none, or when a page file is neither at hand (`unchanged`) nor where
    /// the last build wrote it, with the same bytes: the group is then read.
    func cached(_ ids: ArraySlice<String>, summaries: Site, unchanged: UnchangedPages) -> GroupRecords? {
        timed {
            if let records = pageFilesOnly(summaries, unchanged: unchanged) { return records }
            // A kept language's terms are not merged, nor a kept group's in a language started
            // from its published index: they are not made either.
            let skipping = Set(codes.indices.filter { kept[codes[$0]] != nil || published[codes[$0]] != nil })
            guard var records = cache.read(ids, key: base, languages: codes.count, skipping: skipping) else { return nil }
            for (language, content) in zip(records.languages, summaries.languages) {
                guard language.pages.count == content.pages.count,
                      zip(language.pages, content.pages).allSatisfy({ $0.id == $1.id && $0.source == $1.fingerprint.value })
                else { return nil }
            }
            return attachingFiles(&records, unchanged: unchanged, of: { _ in true }) ? records : nil
        }
    }

    /// When no language merges a kept group's records (each is kept whole or started from its
    /// published index), the group's records are its page files alone, as the previous build
    /// recorded them: its cache file is not read (reading every group's was 4 % of a one-page
    /// rebuild of 1,000 pages). nil when one is not at hand.
    private func pageFilesOnly(_ summaries: Site, unchanged: UnchangedPages) -> GroupRecords? {
        guard let previous, kept.count + published.count == codes.count else { return nil }
        var records = GroupRecords(languages: [])
        for (code, content) in zip(codes, summaries.languages) {
            var pages: [IndexedPage] = []
            pages.reserveCapacity(content.pages.count)
            for page in content.pages {
                guard let number = numbers[page.id] else { return nil }
                let path = SearchIndex.pageFile(language: code, number: number)
                guard let fingerprint = previous.outputs[path]?.fingerprint, unchanged(path, fingerprint) else { return nil }
                pages.append(IndexedPage(id: page.id, json: nil, fingerprint: fingerprint, sections: [], written: number,
                                         source: page.fingerprint.value))
            }
            records.languages.append(LanguageRecords(terms: [], pages: pages))
        }
        return records
    }

    /// For a group read in part: the records the last build kept for it, when every page of
    /// `kept` (the summaries of its unchanged pages) has one made from its file as it is now,
    /// and its page file at hand. nil for a preview, whose records depend on other files too.
    func cached(partly ids: ArraySlice<String>, kept: Site, unchanged: UnchangedPages) -> GroupRecords? {
        timed {
            guard untranslated == nil, var records = cache.read(ids, key: base, languages: codes.count) else { return nil }
            var keptIDs = Set<String>()
            for (language, content) in zip(records.languages, kept.languages) {
                let sources = Dictionary(language.pages.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
                guard content.pages.allSatisfy({ sources[$0.id] == $0.fingerprint.value }) else { return nil }
                keptIDs.formUnion(content.pages.map(\.id))
            }
            return attachingFiles(&records, unchanged: unchanged, of: keptIDs.contains) ? records : nil
        }
    }

    /// The page file of each page of `records` (of those `including`) not at hand under its
    /// number (a page before it came or went), taken from where the last build wrote it with
    /// the same bytes; false when one is not there.
    private func attachingFiles(_ records: inout GroupRecords, unchanged: UnchangedPages, of including: (String) -> Bool) -> Bool {
        for (language, code) in codes.enumerated() {
            for index in records.languages[language].pages.indices where including(records.languages[language].pages[index].id) {
                let page = records.languages[language].pages[index]
                guard let number = numbers[page.id] else { return false }
                if unchanged(SearchIndex.pageFile(language: code, number: number), page.fingerprint) { continue }
                guard let written = page.written,
                      let json = FileManager.default.contents(atPath: Paths.join(output, SearchIndex.pageFile(language: code, number: written))),
                      IndexedPage.fingerprint(of: json) == page.fingerprint else { return false }
                records.languages[language].pages[index].json = json
            }
        }
        return true
    }

    /// Puts a group's records in the index and writes its page files (those not at hand already:
    /// `unchanged`, by path and fingerprint, as for the HTML pages).
    /// Of a group kept unread (`cached`).
    func add(_ records: GroupRecords, of ids: ArraySlice<String>, unchanged: UnchangedPages,
             writing write: (OutputFile) throws -> Void) throws {
        try timed { try addTimed(records, of: ids, fresh: false, unchanged: unchanged, writing: write) }
    }

    private func addTimed(_ records: GroupRecords, of ids: ArraySlice<String>, fresh: Bool = true, unchanged: UnchangedPages,
                          writing write: (OutputFile) throws -> Void) throws {
        let numbers = self.numbers
        let number = { (id: String) in numbers[id] ?? 0 }
        for file in SearchIndex.pageFiles(records, languages: codes, number: number, unchanged: unchanged) { try write(file) }
        index.add(records, number: number, sequence: sequence[ids.startIndex], fresh: fresh)
    }

    /// Writes every language's `meta.json` and shards, once every group is in.
    func write(workers: Int?, into staged: StagedSite) throws {
        let start = threadTime()
        for files in kept.values { try staged.write(files) }
        try index.write(workers: workers, spent: { used in self.lock.withLock { self.spent += used } },
                        reusing: ShardReuse(cache: cache, key: base, atHand: unchanged), into: staged.write)
        let used = threadTime() - start
        lock.withLock { spent += used }
    }

    /// `write` begun on a thread of its own; the function returned waits for it to end and
    /// throws what it threw. It must be called before the staging folder is committed or
    /// abandoned, and may be called more than once.
    func writing(workers: Int?, into staged: StagedSite) -> () throws -> Void {
        let done = DispatchGroup(), outcome = Outcome()
        done.enter()
        Thread.detachNewThread {
            do { try self.write(workers: workers, into: staged) } catch { outcome.failure = error }
            done.leave()
        }
        return {
            done.wait()
            if let failure = outcome.failure { throw failure }
        }
    }

    /// What `writing`'s thread ended with, read after it ended.
    private final class Outcome: @unchecked Sendable {
        var failure: (any Error)?
    }

    /// Removes the cache's files of groups this build did not have; says which records could
    /// not be kept (those groups are read again by the next build).
    func conclude(groups: [ArraySlice<String>]) -> String? {
        cache.prune(keeping: groups.map(Array.init))
        let failed = lock.withLock { failures }
        guard let first = failed.first else { return nil }
        return "cannot keep the search records of \(failed.count) group\(failed.count == 1 ? "" : "s") of pages (\(first))"
    }
}
