import Foundation
import HelpSiteModel
import HelpSiteMarkdown
import HelpSiteContent
import HelpSiteCheck

/// What reading and checking one group of pages found (`CheckSession.read`).
struct GroupFindings: Sendable {
    /// Problems of the group's files.
    var load = Diagnostics()
    /// The findings of the group's pages not known clean; none when the group did not load.
    var check = Diagnostics()
    /// Per language of the site, in its order: the group's pages, reduced to their summaries.
    var summaries: [[PageSummary]]

    var hasErrors: Bool { load.hasErrors || check.hasErrors }
}

/// The check of a site read a group of pages at a time, as `helpsite build` and
/// `helpsite check` both read it (`Pipeline`): each group is read and checked on its own
/// (`read`), or kept unread when the record knows it clean (`keep`, `reuse`); the findings
/// are put together, and the record brought up to date, once at the end (`conclude`). The
/// same findings as `SiteChecker.check` of the whole site.
///
/// It remembers, between runs, which pages were clean: a page
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
/// output is what a check without the record prints.
final class CheckSession: @unchecked Sendable {
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
    private var keptPages = 0

    /// Pages whose clean verdict came from the record.
    var reused: Int { lock.withLock { keptPages } }

    /// Where the record is kept: `.helpsite-cache/check.txt` beside the content folder.
    static func recordFile(in cache: String) -> String {
        Paths.join(cache, "check.txt")
    }

    /// - Parameter skeleton: the site's settings and languages (its pages are not needed).
    /// - Parameter skeleton: the site's settings and languages (its pages are not needed).
    /// - Parameter fingerprintingPages: fingerprint every page file first, when the record
    ///   has pages to reuse, so that `keep` can judge a group without reading it (a check;
    ///   a build judges by the stamps of its own record instead).
    /// - Parameter entries: the content folder's entries, when the caller has just walked it
    ///   (a build: `IncrementalBuild.walks`).
    init(site skeleton: Site, contentDirectory directory: String, cacheFile: String?, generator: String?,
         fingerprintingPages: Bool = false, entries: [FileWalk.Entry]? = nil) {
        self.directory = directory
        codes = skeleton.settings.languages.map(\.code)
        var inventory = cacheFile == nil ? nil : Inventory(directory, generator: generator, fingerprintingPages: false, entries: entries)
        self.cacheFile = inventory == nil ? nil : cacheFile
        if let site = inventory?.site, let cacheFile, let cached = Cache.read(cacheFile), cached.site == site {
            recorded = cached.pages
            // Without a record of the site as it is, every page is read anyway: nothing to fingerprint first.
            if fingerprintingPages, !recorded.isEmpty { inventory = Inventory(directory, generator: generator) }
        } else {
            recorded = [:]
        }
        self.inventory = inventory
    }

    /// The group `ids` as a check finds it: the pages the record knows clean with the
    /// fingerprint their files have now are not read; the others are read and checked.
    /// Without a record (or with `--no-cache`) every page is read.
    func check(_ ids: ArraySlice<String>, of skeleton: Site) -> GroupFindings {
        guard cacheFile != nil, let inventory, !inventory.pages.isEmpty else { return read(ids, of: skeleton).findings }
        var kept: [String: Cache.Page] = [:]
        for id in ids {
            if let page = recorded[id], inventory.pages[id] == page.key { kept[id] = page }
        }
        lock.withLock {
            known.merge(kept) { first, _ in first }
            keptPages += kept.count
        }
        let unread = ids.filter { kept[$0] == nil }
        var findings = unread.isEmpty ? GroupFindings(summaries: skeleton.languages.map { _ in [] })
                                       : read(unread[...], of: skeleton).findings
        // The pages' summaries in the group's order, read or kept: the slug check names the
        // first of two pages with one slug, as a check that reads every page does.
        findings.summaries = zip(skeleton.languages, findings.summaries).map { content, read in
            let byID = Dictionary(read.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ids.compactMap { id in byID[id] ?? kept[id].flatMap { summary(of: id, in: content.language.code, $0) } }
        }
        return findings
    }

    /// What the site-wide rules read of a page kept unread: its slug and its date, where they are written.
    private func summary(of id: String, in code: String, _ page: Cache.Page) -> PageSummary? {
        guard let slug = page.slugs[code] else { return nil }
        let file = Inventory.pageFile(directory, code, id)
        let at = SourceLocation(file: file, line: slug.line, column: slug.column)
        let updated = page.updated.flatMap { date in
            CalendarDate(iso: date.value).map { Located($0, at: SourceLocation(file: file, line: date.line, column: date.column)) }
        }
        return PageSummary(id: id, file: file, slug: Located(slug.value, at: at), title: Located("", at: at), fingerprint: Fingerprint(),
                           updated: updated)
    }

    /// Reads the pages `ids` of `skeleton` (in every language) and checks those not known
    /// clean, unless the group does not load.
    /// - Parameter parses: keeps the Markdown the check parses, for the renderer.
    func read(_ ids: ArraySlice<String>, of skeleton: Site, parses: MarkdownParses? = nil) -> (group: Site, findings: GroupFindings) {
        let (group, load) = SiteLoader.loadPages(ids, of: skeleton, contentDirectory: directory)
        var findings = GroupFindings(load: load, summaries: group.languages.map { $0.pages.map(\.summary) })
        if !load.hasErrors { findings.check = check(group, parses: parses) }
        return (group, findings)
    }

    /// Whether every page of `group` (which may be summaries: only fingerprints are read)
    /// is known clean; if so, they are recorded clean again at the end.
    func reuse(_ group: Site) -> Bool {
        guard cacheFile != nil else { return false }
        let (_, found) = knownClean(group)
        guard found.count == group.pageIDs.count else { return false }
        lock.withLock { known.merge(found) { first, _ in first } }
        return true
    }

    /// The findings of the pages of `group` not known clean, checked on this thread.
    func check(_ group: Site, parses: MarkdownParses? = nil) -> Diagnostics {
        guard cacheFile != nil else { return SiteChecker.check(group, workers: 1, parses: parses) }
        let (keys, knownHere) = knownClean(group)
        let unknown = group.keepingPages { knownHere[$0] == nil }
        let diagnostics = SiteChecker.check(unknown, workers: 1, parses: parses)
        let checked = Dictionary(uniqueKeysWithValues: unknown.pageIDs.map { id in
            (id, Cache.Page(key: keys[id] ?? Fingerprint(), slugs: Cache.slugs(of: id, in: unknown),
                            updated: Cache.updated(of: id, in: unknown)))
        })
        lock.withLock {
            known.merge(knownHere) { first, _ in first }
            fresh.merge(checked) { first, _ in first }
            keptPages += knownHere.count
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
    func conclude(_ skeleton: Site, problems skeletonProblems: Diagnostics, groups: [GroupFindings])
        -> (site: Site, diagnostics: Diagnostics, loaded: Bool) {
        let site = skeleton.replacingPages(byLanguage: groups.map { $0.summaries.map { $0.map(\.page) } })
        var diagnostics = skeletonProblems
        for group in groups { diagnostics.append(contentsOf: group.load) }
        diagnostics.append(contentsOf: SiteStructure.check(site))
        guard !diagnostics.hasErrors else { return (site, diagnostics, false) }
        // The shared contacts, once for the whole site: every page that shows one relies on it.
        diagnostics.append(contentsOf: SiteChecker.checkSharedContacts(skeleton))
        for group in groups { diagnostics.append(contentsOf: group.check) }
        if let cacheFile, let inventory {
            let (known, fresh) = lock.withLock { (self.known, self.fresh) }
            CheckRecord.record(diagnostics, site: inventory.site, pageIDs: inventory.allIDs, codes: codes, directory: directory,
                               known: known, fresh: fresh, cacheFile: cacheFile)
        }
        return (site, diagnostics, true)
    }
}

