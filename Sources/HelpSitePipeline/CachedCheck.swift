import Foundation
import HelpSiteModel
import HelpSiteContent
import HelpSiteCheck

/// `helpsite check` that remembers, between runs, which pages were clean: a page
/// (its file in every language) whose bytes, and everything the whole site shares,
/// are the same as at a run where it had no finding at all is not read again.
///
/// What the verdict of a page depends on, and so what its key covers:
/// - the page's file in every language (every rule compares one page across languages);
/// - `site.yaml`, every `language.yaml` and `.sources.yaml`, and which page files
///   exist (missing translations, the languages): one key for the whole site, and
///   when it changes nothing is reused;
/// - the helpsite executable (a new version may judge differently).
///
/// Two pages with one slug is the only finding that spans pages: it is worked out
/// every run, from the slugs of the pages read and those kept in the cache.
/// Only clean pages are kept, so every finding is always found afresh, and the
/// output is what a check without the cache prints.
public enum CachedCheck {
    public struct Outcome: Sendable {
        public var diagnostics: Diagnostics
        /// Pages of the site (ids of the reference language), 0 when it did not load.
        public var pages: Int
        public var languages: Int
        /// Pages whose clean verdict came from the cache.
        public var reused: Int
    }

    /// Where the record is kept: `.helpsite-cache/check.txt` beside the content folder.
    public static func cacheFile(for content: String) -> String {
        URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".helpsite-cache/check.txt").path
    }

    /// - Parameter cacheFile: nil reads every page and records nothing.
    public static func run(contentDirectory directory: String, cacheFile: String?, generator: String? = Bundle.main.executablePath) -> Outcome {
        guard let cacheFile, let shared = Inventory(directory, generator: generator, fingerprintingPages: false) else {
            return full(directory, cacheFile: nil, generator: generator)
        }
        // Without a record of this site as it is (a first check, or site.yaml changed), every page
        // is read anyway: the page files are not fingerprinted first.
        guard let cached = Cache.read(cacheFile), cached.site == shared.site,
              let inventory = Inventory(directory, generator: generator) else {
            return full(directory, cacheFile: cacheFile, generator: generator)
        }
        let reusable = cached.pages.filter { inventory.pages[$0.key] == $0.value.key }
        guard !reusable.isEmpty else { return full(directory, cacheFile: cacheFile, generator: generator) }

        let changed = Set(inventory.pages.keys).subtracting(reusable.keys)
        let (site, problems) = SiteLoader.load(contentDirectory: directory, only: changed)
        guard let site else { return Outcome(diagnostics: problems, pages: 0, languages: 0, reused: 0) }
        var diagnostics = problems
        // The slugs of every page, read or kept, in file order, as the loader would see them.
        let slugs = site.languages.map { content -> (code: String, slugs: [Located<String>]) in
            let read = Dictionary(content.pages.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
            let ids = inventory.ids(in: content.language.code)
            return (content.language.code, ids.compactMap { id in
                read[id] ?? reusable[id]?.slugs[content.language.code].map {
                    Located($0.value, at: SourceLocation(file: Inventory.pageFile(directory, content.language.code, id), line: $0.line, column: $0.column))
                }
            })
        }
        diagnostics.append(contentsOf: SiteStructure.duplicateSlugs(slugs))
        if !diagnostics.hasErrors { diagnostics.append(contentsOf: SiteChecker.check(site)) }
        write(site, diagnostics, inventory, cacheFile: cacheFile, directory: directory, known: reusable)
        return Outcome(diagnostics: diagnostics, pages: inventory.ids(in: site.settings.referenceLanguage).count,
                       languages: site.languages.count, reused: reusable.count)
    }

    /// What reading and checking one group of pages found (`Session.read`).
    public struct GroupFindings: Sendable {
        /// Problems of the group's files.
        public var load = Diagnostics()
        /// The findings of the group's pages not known clean; none when the group did not load.
        public var check = Diagnostics()
        /// Per language of the site, in its order: the group's pages, reduced to `Page.summary`.
        public var summaries: [[Page]]

        public var hasErrors: Bool { load.hasErrors || check.hasErrors }
    }

    /// The check of a site read a group of pages at a time, as `helpsite build` and a full
    /// `helpsite check` read it: each group is read and checked on its own (`read`), but for
    /// the pages known clean, and the findings are put together, and the record brought up
    /// to date, once at the end (`conclude`). The same findings as `SiteChecker.check` of the
    /// whole site.
    public final class Session: @unchecked Sendable {
        private let directory: String
        /// nil: every page is checked and nothing is recorded (`--force`, `--no-cache`).
        private let cacheFile: String?
        private let inventory: Inventory?
        private let recorded: [String: Cache.Page]
        private let codes: [String]
        /// Guards the two below: groups are checked on several threads at once.
        private let lock = NSLock()
        private var known: [String: Cache.Page] = [:]
        private var fresh: [String: Cache.Page] = [:]

        /// - Parameter skeleton: the site's settings and languages (its pages are not needed).
        public init(site skeleton: Site, contentDirectory directory: String, cacheFile: String?,
                    generator: String? = Bundle.main.executablePath) {
            self.directory = directory
            codes = skeleton.settings.languages.map(\.code)
            let inventory = cacheFile == nil ? nil : Inventory(directory, generator: generator, fingerprintingPages: false)
            self.inventory = inventory
            self.cacheFile = inventory == nil ? nil : cacheFile
            if let inventory, let cacheFile, let cached = Cache.read(cacheFile), cached.site == inventory.site {
                recorded = cached.pages
            } else {
                recorded = [:]
            }
        }

        /// Reads the pages `ids` of `skeleton` (in every language) and checks those not known
        /// clean, unless the group does not load.
        public func read(_ ids: ArraySlice<String>, of skeleton: Site) -> (group: Site, findings: GroupFindings) {
            let (group, load) = SiteLoader.loadPages(ids, of: skeleton, contentDirectory: directory)
            var findings = GroupFindings(load: load, summaries: group.languages.map { $0.pages.map(\.summary) })
            if !load.hasErrors { findings.check = check(group) }
            return (group, findings)
        }

        /// Whether every page of `group` (which may be summaries: only fingerprints are read)
        /// is known clean; if so, they are recorded clean again at the end.
        public func reuse(_ group: Site) -> Bool {
            guard cacheFile != nil else { return false }
            let (_, found) = knownClean(group)
            guard found.count == group.pageIDs.count else { return false }
            lock.withLock { known.merge(found) { first, _ in first } }
            return true
        }

        /// The findings of the pages of `group` not known clean, checked on this thread.
        func check(_ group: Site) -> Diagnostics {
            guard cacheFile != nil else { return SiteChecker.check(group, workers: 1) }
            let (keys, knownHere) = knownClean(group)
            let unknown = group.keepingPages { knownHere[$0] == nil }
            let diagnostics = SiteChecker.check(unknown, workers: 1)
            let checked = Dictionary(uniqueKeysWithValues: unknown.pageIDs.map { id in
                (id, Cache.Page(key: keys[id] ?? Fingerprint(), slugs: Cache.slugs(of: id, in: unknown)))
            })
            lock.withLock {
                known.merge(knownHere) { first, _ in first }
                fresh.merge(checked) { first, _ in first }
            }
            return diagnostics
        }

        /// Each page's key from its loaded files, and the pages the record knows clean with that key.
        private func knownClean(_ group: Site) -> (keys: [String: Fingerprint], known: [String: Cache.Page]) {
            var keys: [String: Fingerprint] = [:]
            var known: [String: Cache.Page] = [:]
            for id in group.pageIDs {
                let key = Inventory.key(of: id, in: group)
                keys[id] = key
                if let page = recorded[id], page.key == key { known[id] = page }
            }
            return (keys, known)
        }

        /// The findings of the whole site, from the skeleton's problems and every group's,
        /// in the groups' order: what the files hold, two pages with one slug, then (only for a
        /// site that loads: findings about a site that is not there would mislead, and teach
        /// the record nothing) what the check found; the record is then brought up to date.
        /// - Returns: also the site of summaries, and whether it loaded.
        public func conclude(_ skeleton: Site, problems skeletonProblems: Diagnostics, groups: [GroupFindings])
            -> (site: Site, diagnostics: Diagnostics, loaded: Bool) {
            let site = skeleton.replacingPages(byLanguage: groups.map(\.summaries))
            var diagnostics = skeletonProblems
            for group in groups { diagnostics.append(contentsOf: group.load) }
            diagnostics.append(contentsOf: SiteStructure.check(site))
            guard !diagnostics.hasErrors else { return (site, diagnostics, false) }
            for group in groups { diagnostics.append(contentsOf: group.check) }
            if let cacheFile, let inventory {
                let (known, fresh) = lock.withLock { (self.known, self.fresh) }
                CachedCheck.record(diagnostics, site: inventory.site, pageIDs: inventory.allIDs, codes: codes, directory: directory,
                                   known: known, fresh: fresh, cacheFile: cacheFile)
            }
            return (site, diagnostics, true)
        }
    }

    /// A check with nothing reused, as `helpsite check --no-cache` and a first check do it:
    /// the pages a group at a time, as the build reads them, so that the check of a large
    /// site never holds the whole site.
    private static func full(_ directory: String, cacheFile: String?, generator: String?) -> Outcome {
        let (loaded, ids, skeletonProblems) = SiteLoader.loadSkeleton(contentDirectory: directory)
        guard let skeleton = loaded else { return Outcome(diagnostics: skeletonProblems, pages: 0, languages: 0, reused: 0) }
        let session = Session(site: skeleton, contentDirectory: directory, cacheFile: cacheFile, generator: generator)
        let groups = SiteLoader.pageGroups(ids).concurrentMap { session.read($0, of: skeleton).findings }
        let (site, diagnostics, checked) = session.conclude(skeleton, problems: skeletonProblems, groups: groups)
        guard checked else { return Outcome(diagnostics: diagnostics, pages: 0, languages: 0, reused: 0) }
        return Outcome(diagnostics: diagnostics, pages: site.pageIDs.count, languages: site.languages.count, reused: 0)
    }

    /// Records the pages that are clean now: those just read without a finding, and the
    /// `known` clean ones no finding points at.
    private static func write(_ site: Site, _ diagnostics: Diagnostics, _ inventory: Inventory, cacheFile: String,
                              directory: String, known: [String: Cache.Page]) {
        var fresh: [String: Cache.Page] = [:]
        for id in Set(site.languages.flatMap { $0.pages.map(\.id) }) {
            guard let key = inventory.pages[id] else { continue }
            fresh[id] = Cache.Page(key: key, slugs: Cache.slugs(of: id, in: site))
        }
        record(diagnostics, site: inventory.site, pageIDs: inventory.allIDs, codes: site.settings.languages.map(\.code),
               directory: directory, known: known, fresh: fresh, cacheFile: cacheFile)
    }

    /// Writes the record: the `known` and `fresh` (just checked) pages that no finding points
    /// at. Nothing is recorded while the site as a whole has a finding of its own (in
    /// site.yaml, a language.yaml, a missing translation…).
    private static func record(_ diagnostics: Diagnostics, site: Fingerprint, pageIDs: Set<String>, codes: [String], directory: String,
                               known: [String: Cache.Page], fresh: [String: Cache.Page], cacheFile: String) {
        func files(_ id: String) -> [String] { codes.map { Inventory.pageFile(directory, $0, id) } }
        let pageFiles = Set(pageIDs.flatMap(files))
        guard diagnostics.allSatisfy({ $0.files.isSubset(of: pageFiles) }) else {
            try? FileManager.default.removeItem(atPath: cacheFile)
            return
        }
        var pages = known.filter { !diagnostics.mention(pageFiles: files($0.key)) }
        for (id, page) in fresh where !diagnostics.mention(pageFiles: files(id)) { pages[id] = page }
        Cache(site: site, pages: pages).write(cacheFile)
    }
}

/// Every content file, fingerprinted: one key for what the whole site shares, one per page.
private struct Inventory {
    let site: Fingerprint
    /// Page id → the fingerprint of its file in every language folder.
    let pages: [String: Fingerprint]
    /// Language folder → its page ids, in file order.
    private let idsByFolder: [String: [String]]

    func ids(in folder: String) -> [String] { idsByFolder[folder] ?? [] }

    /// Every page id of every folder.
    var allIDs: Set<String> { Set(idsByFolder.values.joined()) }

    /// A page's key from its loaded files, as `init` makes it from the files on disk.
    static func key(of id: String, in site: Site) -> Fingerprint {
        var key = Fingerprint()
        for content in site.languages.sorted(by: { $0.language.code < $1.language.code }) {
            guard let page = content.page(id: id) else { continue }
            var print = Fingerprint(content.language.code)
            print.add(page.fingerprint)
            key.add(print)
        }
        return key
    }

    static func pageFile(_ directory: String, _ code: String, _ id: String) -> String {
        Paths.join(Paths.join(directory, code), id + ".yaml")
    }

    static func pageFiles(_ directory: String, _ site: Site, _ id: String) -> [String] {
        site.settings.languages.map { pageFile(directory, $0.code, id) }
    }

    /// nil when anything is not a plain file or folder (a link, say): the loader reports it.
    /// - Parameter fingerprintingPages: false leaves `pages` empty, for a caller that keys
    ///   the pages from their loaded text (`key(of:in:)`).
    init?(_ directory: String, generator: String?, fingerprintingPages: Bool = true) {
        let fileManager = FileManager.default
        var site = Fingerprint("helpsite check cache")
        if let generator, let attributes = try? fileManager.attributesOfItem(atPath: generator) {
            site.add(generator)
            site.add("\(attributes[.size] as? Int ?? -1) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        } else {
            return nil
        }
        var pageFiles: [(folder: String, id: String, path: String)] = []
        var idsByFolder: [String: [String]] = [:]
        // Files at the top and in the language folders, in order; anything else (a link, a
        // folder in a language folder) is the loader's to report.
        for entry in FileWalk.entries(under: directory) {
            let parts = entry.relative.split(separator: "/", maxSplits: 1)
            guard let last = parts.last, entry.kind == S_IFREG || (entry.kind == S_IFDIR && parts.count == 1) else { return nil }
            let name = String(last)
            site.add(name)
            guard entry.kind == S_IFREG else { continue }
            let path = Paths.join(directory, entry.relative)
            if parts.count == 2, name.hasSuffix(".yaml"), !name.hasPrefix("."), name != "language.yaml" {
                let folder = String(parts[0]), id = String(name.dropLast(".yaml".count))
                pageFiles.append((folder, id, path))
                idsByFolder[folder, default: []].append(id)
            } else {
                guard let data = fileManager.contents(atPath: path) else { return nil }
                data.withUnsafeBytes { site.add(bytes: $0) }
            }
        }
        guard fingerprintingPages else {
            self.site = site
            self.pages = [:]
            self.idsByFolder = idsByFolder
            return
        }
        // Each page's text fingerprinted as the loader does it (`Page.fingerprint`), on every
        // core: most of the time of a check that reuses everything.
        let prints = pageFiles.concurrentMap { file -> Fingerprint? in
            var print = Fingerprint(file.folder)
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            // Fingerprint(text) without decoding the text: its UTF-8 bytes (the file's, but for
            // a byte-order mark), then the separator `add(_: String)` ends with. A file that is
            // not UTF-8 fingerprints differently, and does not load, so it is never recorded clean.
            var text = Fingerprint()
            data.withUnsafeBytes { bytes in
                let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                text.add(bytes: UnsafeRawBufferPointer(rebasing: bytes[bom...]))
            }
            text.add(bytes: [0xFF])
            print.add(text)
            return print
        }
        var pages: [String: Fingerprint] = [:]
        for (file, print) in zip(pageFiles, prints) {
            guard let print else { return nil }
            pages[file.id, default: Fingerprint()].add(print)
        }
        self.site = site
        self.pages = pages
        self.idsByFolder = idsByFolder
    }
}

/// The file: one line for the site, one per clean page with its slug in each language.
///
///     helpsite check cache 1
///     site 8f3c…
///     page complaints 1a2b… nl=2:7:klachten fr=2:7:plaintes en=2:7:complaints
private struct Cache {
    struct Slug { var value: String; var line: Int; var column: Int }
    struct Page { var key: Fingerprint; var slugs: [String: Slug] }

    var site: Fingerprint
    var pages: [String: Page]

    static let header = "helpsite check cache 1"

    /// Where the page's slug is in each language that has it.
    static func slugs(of id: String, in site: Site) -> [String: Slug] {
        var slugs: [String: Slug] = [:]
        for content in site.languages {
            guard let page = content.page(id: id) else { continue }
            slugs[content.language.code] = Slug(value: page.slug.value, line: page.slug.location.line, column: page.slug.location.column)
        }
        return slugs
    }

    static func read(_ path: String) -> Cache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(header), lines.count >= 2 else { return nil }
        let siteWords = lines[1].split(separator: " ")
        guard siteWords.count == 2, siteWords[0] == "site", let site = UInt64(siteWords[1], radix: 16) else { return nil }
        var pages: [String: Page] = [:]
        for line in lines.dropFirst(2) {
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "page", let key = UInt64(words[2], radix: 16) else { return nil }
            var slugs: [String: Slug] = [:]
            for word in words.dropFirst(3) {
                let parts = word.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                let fields = parts[1].split(separator: ":", maxSplits: 2)
                guard fields.count == 3, let line = Int(fields[0]), let column = Int(fields[1]) else { return nil }
                slugs[String(parts[0])] = Slug(value: String(fields[2]), line: line, column: column)
            }
            pages[String(words[1])] = Page(key: Fingerprint(value: key), slugs: slugs)
        }
        return Cache(site: Fingerprint(value: site), pages: pages)
    }

    /// Written only when it changed, and without flushing it to disk: a lost cache costs one
    /// full check. A temporary file renamed over the old one, so a reader never sees half.
    func write(_ path: String) {
        var text = Self.header + "\nsite \(site)\n"
        for id in pages.keys.sorted() {
            let page = pages[id]!
            text += "page \(id) \(page.key)"
            for code in page.slugs.keys.sorted() {
                let slug = page.slugs[code]!
                text += " \(code)=\(slug.line):\(slug.column):\(slug.value)"
            }
            text += "\n"
        }
        let data = Data(text.utf8)
        guard FileManager.default.contents(atPath: path) != data else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A name of its own for every writer, threads of one process included: two checks of
        // one site at once each rename a whole file, and the last one stays.
        let temporary = path + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try SystemFile.write(data, to: temporary)
            guard rename(temporary, path) == 0 else { throw SystemFile.Failure.last }
        } catch {
            unlink(temporary)
        }
    }
}

private extension Diagnostic {
    /// The files this finding points at, its notes included.
    var files: Set<String> {
        Set([location.file] + notes.map(\.location.file))
    }
}

private extension Diagnostics {
    func mention(pageFiles: [String]) -> Bool {
        contains { !$0.files.isDisjoint(with: pageFiles) }
    }
}
