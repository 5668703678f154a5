import Foundation
import HelpSiteModel

/// A new site being written beside the output folder, file by file, so that a
/// build never needs every page in memory at once. Nothing a reader can see
/// changes until `commit()` swaps the whole folder in; `abandon()` (or a crash)
/// leaves the previous site as it was.
///
/// Given the record of the site retained by the last build (`RetainedSite`), the staging
/// folder starts as that site instead of empty: files whose fingerprint is still the one
/// recorded stay as they are, the others are replaced, and what the new site no longer
/// has is removed at `commit()`.
///
/// `write` may be called from several threads at once: the build's workers each
/// write the pages they render.
public final class StagedSite: @unchecked Sendable {
    private let staging: URL
    private let output: URL
    /// `staging.path` and `output.path`, made once: files are placed by joining paths as text.
    private let stagingPath: String
    private let outputPath: String
    /// Where the replaced site is kept for the next build, if anywhere.
    private let keptAt: URL?
    /// The files the staging folder started with, as recorded (empty for a fresh folder).
    public let startedWith: [String: OutputRecord]
    /// Guards `madeFolders` and `files`.
    private let lock = NSLock()
    private var madeFolders: Set<String> = []
    private var files: [String: OutputRecord] = [:]
    private var unchangedPages = 0
    /// The flushes `startFlushing()` began and that may not have ended yet.
    private let flushing = DispatchGroup()
    /// Every file written so far, relative to the output folder, in path order.
    public var written: [String] { lock.withLock { files.keys.sorted() } }
    /// Every file written so far, with what it was made from: the record of the new site.
    public var records: [String: OutputRecord] { lock.withLock { files } }
    /// Pages (`<language>/<slug>/index.html`; not the home pages, `<language>/index.html`) not
    /// rendered again: kept as they were, or hard-linked from the output folder.
    public var keptPages: Int { lock.withLock { unchangedPages } }

    /// - Parameters:
    ///   - protected: folders the output must never be or contain (content, templates).
    ///   - retained: the record of the site the last build kept; `nil` starts from an empty
    ///     folder (and removes a kept site, if there is one).
    ///   - cache: the project's cache folder, where the replaced site is kept
    ///     (`RetainedSite`); `nil` keeps none.
    public init(replacing output: String, protecting protected: [String] = [], retained: [String: OutputRecord]? = nil,
                cache: String? = nil) throws {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        keptAt = cache.map { RetainedSite.location(in: $0, of: outputURL) }
        (staging, self.output, startedWith) = try SiteWriter.beginStaging(output, protecting: protected, retained: retained,
                                                                           keptAt: keptAt)
        stagingPath = staging.path
        outputPath = self.output.path
    }

    /// Whether the staging folder already holds `path` made from `fingerprint`.
    public func holds(_ path: String, madeFrom fingerprint: String) -> Bool {
        startedWith[path]?.fingerprint == fingerprint
    }

    public func write(_ files: [OutputFile]) throws {
        for file in files { try write(file) }
    }

    public func write(_ file: OutputFile) throws {
        let fingerprint = file.fingerprint ?? OutputRecord.fingerprint(of: file.contents)
        let record: OutputRecord
        if let existing = startedWith[file.path], existing.fingerprint == fingerprint {
            record = existing
        } else {
            let folder = SiteWriter.parent(of: Paths.join(stagingPath, file.path))
            let isNew = lock.withLock { madeFolders.insert(folder).inserted }
            let identity = try SiteWriter.write(file, into: stagingPath, previous: outputPath, makingFolder: isNew)
            record = OutputRecord(fingerprint: fingerprint, identity: identity)
        }
        lock.withLock {
            files[file.path] = record
            if file.isUnchanged, file.path.hasSuffix("/index.html"), file.path.utf8.count(where: { $0 == UInt8(ascii: "/") }) >= 2 {
                unchangedPages += 1
            }
        }
    }

    /// Starts writing what is staged so far to disk, on a thread of its own, while the build
    /// goes on (more pages, the site-wide files, the search index): `commit` then waits only
    /// for what came after. May be called several times. An error here is left for
    /// `commit`'s own flush to report.
    public func startFlushing() {
        flushing.enter()
        let path = stagingPath, flushing = flushing
        Thread.detachNewThread {
            try? SystemFile.flushFileSystem(holding: path)
            flushing.leave()
        }
    }

    /// Puts the new site in place of the old in one step, once its files are on disk:
    /// a crash just after the swap must not leave a published site of empty files.
    /// - Parameter retaining: keep the replaced site (`.helpsite-cache/previous-<name>`) for the
    ///   next build to start from, rather than delete it.
    /// - Returns: whether the replaced site was kept.
    @discardableResult
    public func commit(retaining: Bool = false) throws -> Bool {
        do {
            if !startedWith.isEmpty {
                try RetainedSite.prune(staging.path, keeping: Set(records.keys), from: startedWith)
            }
            flushing.wait()
            try SystemFile.flushFileSystem(holding: staging.path)
        } catch {
            throw SiteWriter.Failure(description: "cannot write the site to disk: \(error)")
        }
        return try SiteWriter.swapIn(staging, at: output, keepingPreviousAt: retaining ? keptAt : nil)
    }

    /// Removes what was written; the output folder is untouched.
    public func abandon() {
        flushing.wait()
        try? FileManager.default.removeItem(at: staging)
    }
}
