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
enum CheckRecord {
    /// Writes the record: the `known` and `fresh` (just checked) pages that no finding points
    /// at. Nothing is recorded while the site as a whole has a finding of its own (in
    /// site.yaml, a language.yaml, a missing translation…).
    static func record(_ diagnostics: Diagnostics, site: Fingerprint, pageIDs: Set<String>, codes: [String], directory: String,
                               known: [String: Cache.Page], fresh: [String: Cache.Page], cacheFile: String) {
        // No finding mentions a page: every page is clean, and no file's path is needed (making
        // them was 2 % of a one-page rebuild of 1,000 pages).
        guard !diagnostics.isEmpty else {
            Cache(site: site, pages: known.merging(fresh) { _, fresh in fresh }).write(cacheFile)
            return
        }
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
struct Inventory {
    let site: Fingerprint
    /// Page id → the fingerprint of its file in every language folder.
    let pages: [String: Fingerprint]
    /// Language folder → its page ids, in file order.
    private let idsByFolder: [String: [String]]

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

    /// nil when anything is not a plain file or folder (a link, say): the loader reports it.
    /// - Parameter fingerprintingPages: false leaves `pages` empty, for a caller that keys
    ///   the pages from their loaded text (`key(of:in:)`).
    /// - Parameter entries: the folder's entries, when the caller has just walked it.
    init?(_ directory: String, generator: String?, fingerprintingPages: Bool = true, entries: [FileWalk.Entry]? = nil) {
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
        for entry in entries ?? FileWalk.entries(under: directory) {
            let parts = entry.relative.split(separator: "/", maxSplits: 1)
            guard let last = parts.last, entry.kind == S_IFREG || (entry.kind == S_IFDIR && parts.count == 1) else { return nil }
            let name = String(last)
            site.add(name)
            guard entry.kind == S_IFREG else { continue }
            let path = Paths.join(directory, entry.relative)
            if parts.count == 2, LanguageFolder.isPageFile(name) {
                let folder = String(parts[0]), id = LanguageFolder.pageID(ofFile: name)
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
            text.addSeparator()
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

/// The check's record (`RecordText`): the site's key, then one line per clean page with its
/// key, its date of last update and where it is (`-  0  0` for none), and, per language,
/// where its slug is.
///
///     helpsite check record 3
///     site  8f3c…
///     page  complaints  1a2b…  2026-12-04  9  10  en  2  7  complaints  fr  2  7  plaintes  nl  2  7  klachten
///     end
struct Cache {
    struct Slug { var value: String; var line: Int; var column: Int }
    struct Page { var key: Fingerprint; var slugs: [String: Slug]; var updated: Slug? = nil }

    var site: Fingerprint
    var pages: [String: Page]

    static let header = "helpsite check record 3"

    /// Where the page's date of last update is (its reference language's file), for the review warning.
    static func updated(of id: String, in site: Site) -> Slug? {
        guard let updated = site.reference?.page(id: id)?.updated else { return nil }
        return Slug(value: updated.value.description, line: updated.location.line, column: updated.location.column)
    }

    /// Where the page's slug is in each language that has it.
    static func slugs(of id: String, in site: Site) -> [String: Slug] {
        var slugs: [String: Slug] = [:]
        for content in site.languages {
            guard let page = content.page(id: id) else { continue }
            slugs[content.language.code] = Slug(value: page.slug.value, line: page.slug.location.line, column: page.slug.location.column)
        }
        return slugs
    }

    /// Read by bytes, a line at a time, as the build record is (BuildManifest+Reading.swift).
    static func read(_ path: String) -> Cache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var site: Fingerprint?, pages: [String: Page] = [:]
        let whole = RecordText.forEachLine(of: data, header: header) { line in
            var fields = RecordText.Fields(line)
            guard site != nil else {
                guard fields.next()?.elementsEqual("site".utf8) == true, let value = fields.unsigned(radix: 16),
                      fields.isAtEnd else { return false }
                site = Fingerprint(value: value)
                return true
            }
            guard fields.next()?.elementsEqual("page".utf8) == true, let id = fields.text(), let key = fields.unsigned(radix: 16),
                  let date = fields.next(), let dateLine = fields.next(), let dateColumn = fields.next() else { return false }
            var updated: Slug?
            if !date.elementsEqual("-".utf8) {
                guard let line = RecordText.integer(dateLine), let column = RecordText.integer(dateColumn) else { return false }
                updated = Slug(value: String(decoding: date, as: UTF8.self), line: Int(line), column: Int(column))
            }
            var slugs: [String: Slug] = [:]
            while !fields.isAtEnd {
                guard let code = fields.next(), let line = fields.integer(), let column = fields.integer(),
                      let value = fields.text() else { return false }
                slugs[String(decoding: code, as: UTF8.self)] = Slug(value: value, line: Int(line), column: Int(column))
            }
            pages[id] = Page(key: Fingerprint(value: key), slugs: slugs, updated: updated)
            return true
        }
        guard whole == true, let site else { return nil }
        return Cache(site: site, pages: pages)
    }

    /// Written only when it changed. A record that cannot be written costs the next check its
    /// shortcut, nothing else.
    func write(_ path: String) {
        var writer = RecordText.Writer(header: Self.header)
        writer.line(["site", site.description])
        for id in pages.keys.sorted(by: UTF8Text.precedes) {
            let page = pages[id]!
            writer.raw("page")
            writer.text(id)
            writer.raw(page.key.description)
            writer.raw(page.updated?.value ?? "-")
            writer.number(page.updated?.line ?? 0)
            writer.number(page.updated?.column ?? 0)
            for code in page.slugs.keys.sorted() {
                let slug = page.slugs[code]!
                writer.raw(code)
                writer.number(slug.line)
                writer.number(slug.column)
                writer.text(slug.value)
            }
            writer.endLine()
        }
        try? RecordText.write(writer.finished, to: path, onlyIfChanged: true)
    }
}

extension Diagnostic {
    /// The files this finding points at, its notes included.
    var files: Set<String> {
        Set([location.file] + notes.map(\.location.file))
    }
}

extension Diagnostics {
    func mention(pageFiles: [String]) -> Bool {
        contains { !$0.files.isDisjoint(with: pageFiles) }
    }
}
