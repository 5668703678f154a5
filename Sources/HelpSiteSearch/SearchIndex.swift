import Foundation
import HelpSiteModel

/// The search index of every language, put together from the records of each group of pages
/// (`add`, from any thread), then written once (`files`). The files are a function of the
/// records and the pages' numbers only, never of the order the groups came in: a build that
/// kept groups from the cache writes what a build that read every page writes.
/// The format: docs/reference/search-index.md.
package final class SearchIndex: @unchecked Sendable {
    /// Where the index is, under the site's root; `search/search.js` beside it is a static file.
    package static let folder = "search"
    /// Raised when the files' format changes in a way search.js must know of.
    package static let version = 1

    /// One language's part of the index: each term once, and its postings, each a section of
    /// a page that holds it with the term's weight there, packed as
    /// `page << 24 | section << 8 | weight`, so that numeric order is the sections' order.
    struct Language: Sendable {
        let code: String
        var slots: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [[UInt64]] = []
        var sections = 0
        var pages = 0
        var mostSections = 0
        /// Page number → its number of sections, -1 for a number the language has no page under.
        var pageSections: [Int32] = []

        mutating func slot(of term: String) -> Int32 {
            if let slot = slots[term] { return slot }
            let slot = Int32(terms.count)
            slots[term] = slot
            terms.append(term)
            postings.append([])
            return slot
        }

        mutating func count(_ sections: Int, ofPage place: Int) {
            pages += 1
            self.sections += sections
            mostSections = max(mostSections, sections)
            if place >= pageSections.count { pageSections += repeatElement(-1, count: place - pageSections.count + 1) }
            pageSections[place] = Int32(sections)
        }
    }

    let callingCode: String
    private let lock = NSLock()
    private var languages: [Language]
    /// Languages whose files a build keeps from the previous one: their records are not
    /// merged, and they have no files here.
    private let skipped: Set<String>
    /// Languages whose index the previous build published, read back (`PublishedIndex`): only
    /// the records of groups read this build are merged (`add`'s `fresh`), their pages' postings
    /// taking the place of those the published index had.
    private let published: [String: PublishedIndex]

    /// - Parameters:
    ///   - languages: the site's language codes, in its order (as `GroupRecords`).
    ///   - skipping: languages left out (their files are kept from the previous build).
    ///   - published: languages started from the index the previous build published.
    package init(languages: [String], settings: SiteSettings, skipping: Set<String> = [], published: [String: PublishedIndex] = [:]) {
        self.languages = languages.map { Language(code: $0) }
        callingCode = PhoneNumber.callingCodes[settings.phoneRegion.value] ?? ""
        skipped = skipping
        self.published = published
    }

    /// A group's terms and, per page, its place and its sections' terms: what the index keeps
    /// of its records; `fresh` when the group was read, not kept.
    private struct Group {
        var languages: [(terms: [String], pages: [(place: UInt64, sections: [[SectionTerm]])])]
        var fresh: Bool
    }

    /// Groups that came before those ahead of them in the site (`add`'s `sequence`).
    private var waiting: [Int: Group] = [:]
    private var next = 0

    /// Adds a group's records; `number` gives each page id its place in the site (the same in
    /// every language), which numbers its sections in the index.
    /// - Parameters:
    ///   - sequence: the group's place among the groups, 0 for the first: groups are merged in
    ///     that order whatever order they come in, so that each term's postings come in section
    ///     order and need no sorting. Without it, groups are merged as they come.
    ///   - fresh: whether the group was read (not kept unread): only a read group's records
    ///     are merged into a language started from its published index.
    package func add(_ records: GroupRecords, number: (String) -> Int, sequence: Int? = nil, fresh: Bool = true) {
        let group = Group(languages: records.languages.map { language in
            (language.terms, language.pages.map { (UInt64(number($0.id)), $0.sections) })
        }, fresh: fresh)
        lock.withLock {
            guard let sequence else { return merge(group) }
            waiting[sequence] = group
            while let ready = waiting.removeValue(forKey: next) {
                merge(ready)
                next += 1
            }
        }
    }

    /// Called with the lock held.
    private func merge(_ group: Group) {
        for (index, records) in group.languages.enumerated() where index < languages.count && !skipped.contains(languages[index].code)
            && (group.fresh || published[languages[index].code] == nil) {
            // Moved out and back, so that appending to a term's postings copies nothing.
            var language = languages[index]
            languages[index] = Language(code: language.code)
            // Each term of the group looked up once; its postings then go by number.
            let slots = records.terms.map { language.slot(of: $0) }
            for (place, sections) in records.pages {
                language.count(sections.count, ofPage: Int(place))
                for (section, terms) in sections.enumerated() {
                    let document = place << 24 | UInt64(section) << 8
                    for term in terms { language.postings[Int(slots[Int(term.term)])].append(document | UInt64(term.weight)) }
                }
            }
            languages[index] = language
        }
    }

    /// Where the file of a page is, under the site's root.
    package static func pageFile(language: String, number: Int) -> String {
        "\(folder)/\(language)/p/\(number).json"
    }

    /// The page files of a group's records, `search/<lang>/p/<number>.json`, written as the
    /// group is read: the index keeps only the terms.
    /// - Parameter unchanged: whether a file with these bytes (by their fingerprint) is at hand,
    ///   in the staging folder or the output: it is then kept or linked, not written again.
    package static func pageFiles(_ records: GroupRecords, languages: [String], number: (String) -> Int,
                                  unchanged: UnchangedPages = { _, _ in false }) -> [OutputFile] {
        zip(languages, records.languages).flatMap { code, records in
            records.pages.map { page in
                let path = pageFile(language: code, number: number(page.id))
                if unchanged(path, page.fingerprint) {
                    return OutputFile(path: path, contents: Data(), isUnchanged: true, fingerprint: page.fingerprint)
                }
                // A page from the cache always has its file by now (`SearchBuild.cached`).
                return OutputFile(path: path, contents: page.json ?? Data(), fingerprint: page.fingerprint)
            }
        }
    }

    /// Every language's `meta.json` and term shards, a language at a time on each worker,
    /// each language's files handed to `write` as soon as they are made (and then let go).
    /// The index is emptied: its postings are let go with them.
    /// - Parameter spent: told the processor time (ns) each worker thread other than the
    ///   caller's spent, for a build's account of its index.
    /// - Parameter reusing: where the last build's shards are remembered, and which files are
    ///   at hand: a shard made from the same terms and postings is kept (`ShardMemory`).
    package func write(workers: Int? = nil, spent: (@Sendable (Int64) -> Void)? = nil, reusing: ShardReuse? = nil,
                       into write: @Sendable (OutputFile) throws -> Void) throws {
        let languages = lock.withLock {
            // Groups still waiting for one before them that never came (a group that failed).
            for sequence in waiting.keys.sorted() { merge(waiting[sequence]!) }
            waiting = [:]
            defer { self.languages = self.languages.map { Language(code: $0.code) } }
            return self.languages.filter { !skipped.contains($0.code) }
        }
        let callingCode = callingCode
        let caller = pthread_self()
        let failures = languages.concurrentMap(workers: workers) { language -> String? in
            let start = threadTime()
            defer { if pthread_equal(pthread_self(), caller) == 0 { spent?(threadTime() - start) } }
            do {
                let language = published[language.code].map { language.merged(into: $0) } ?? language
                let writer = ShardWriter(language: language, callingCode: callingCode)
                guard let reusing else {
                    for file in writer.files().files { try write(file) }
                    return nil
                }
                let memory = ShardMemory.read(from: reusing.cache, language: language.code, key: reusing.key)
                var (files, made) = writer.files(remembering: memory, atHand: reusing.atHand)
                made.sections = language.pageSections
                made.meta = files.last { $0.path.hasSuffix("/meta.json") }?.fingerprint
                for file in files { try write(file) }
                // A memory that cannot be kept costs the next build the encoding of these shards.
                try? made.write(to: reusing.cache, language: language.code, key: reusing.key)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw SearchIndexFailure(description: failure) }
    }

    /// The files of every language at once (for tests).
    package func files() -> [OutputFile] {
        let collected = Collected()
        try? write(workers: 1) { collected.append($0) }
        return collected.files
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [OutputFile] = []
        var files: [OutputFile] { lock.withLock { kept } }
        func append(_ file: OutputFile) { lock.withLock { kept.append(file) } }
    }
}

/// What `SearchIndex.write` needs to keep the shards a build made before (`ShardMemory`).
package struct ShardReuse: Sendable {
    /// Where the memory is kept: beside the search records.
    package let cache: SearchRecordCache
    /// The records' key: a memory kept under another is not used.
    package let key: Fingerprint
    /// Whether a file of the last build, by path and fingerprint, is at hand.
    package let atHand: UnchangedPages

    package init(cache: SearchRecordCache, key: Fingerprint, atHand: @escaping UnchangedPages) {
        self.cache = cache
        self.key = key
        self.atHand = atHand
    }
}

/// Why the index's files could not be written: the first writer's error, as it said it.
package struct SearchIndexFailure: Error, CustomStringConvertible {
    package let description: String
}
