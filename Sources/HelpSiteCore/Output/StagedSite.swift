import Foundation

/// A new site being written beside the output folder, file by file, so that a
/// build never needs every page in memory at once. Nothing a reader can see
/// changes until `commit()` swaps the whole folder in; `abandon()` (or a crash)
/// leaves the previous site as it was.
///
/// `write` may be called from several threads at once: the build's workers each
/// write the pages they render.
public final class StagedSite: @unchecked Sendable {
    private let staging: URL
    private let output: URL
    /// Guards `madeFolders` and `files`.
    private let lock = NSLock()
    private var madeFolders: Set<String> = []
    private var files: [String] = []
    /// Every file written so far, relative to the output folder, in path order.
    public var written: [String] { lock.withLock { files.sorted() } }

    /// - Parameter protected: folders the output must never be or contain (content, templates).
    public init(replacing output: String, protecting protected: [String] = []) throws {
        (staging, self.output) = try SiteWriter.beginStaging(output, protecting: protected)
    }

    public func write(_ files: [OutputFile]) throws {
        for file in files { try write(file) }
    }

    public func write(_ file: OutputFile) throws {
        let folder = staging.appendingPathComponent(file.path).deletingLastPathComponent().path
        let isNew = lock.withLock { madeFolders.insert(folder).inserted }
        try SiteWriter.write(file, into: staging, previous: output, makingFolder: isNew)
        lock.withLock { files.append(file.path) }
    }

    /// Puts the new site in place of the old in one step, once its files are on disk:
    /// a crash just after the swap must not leave a published site of empty files.
    public func commit() throws {
        do {
            try SystemFile.flushFileSystem(holding: staging.path)
        } catch {
            throw SiteWriter.Failure(description: "cannot write the site to disk: \(error)")
        }
        try SiteWriter.swapIn(staging, at: output)
    }

    /// Removes what was written; the output folder is untouched.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
