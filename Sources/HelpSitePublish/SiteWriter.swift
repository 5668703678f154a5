import CAtomicSwap
import Foundation
import HelpSiteModel

/// The write stage: puts the built files in place all at once. The new site
/// is written into a staging folder beside the output folder and swapped in
/// with one rename, so a reader — or a failed build — never sees half a site.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Staging folders are named after the output folder and the building process:
    /// `.public.helpsite-staging-1234`.
    static let stagingMarker = ".helpsite-staging-"

    /// Replaces `output` with exactly `files`. On any failure `output` is as it was.
    /// - Parameter protected: folders the output must never be or contain (content, templates).
    public static func publish(_ files: [OutputFile], to output: String, protecting protected: [String] = []) throws {
        let staged = try StagedSite(replacing: output, protecting: protected)
        do {
            try staged.write(files)
            try staged.commit()
        } catch {
            staged.abandon()
            throw error
        }
    }

    /// Creates the staging folder for `output`, after removing those of builds that were killed.
    /// With the `retained` site's record, the folder starts as that site (renamed, so a build
    /// killed from here on leaves only a staging folder), less every entry that does not match
    /// the record; returns the files that do. Without it, or if that site cannot be used, the
    /// folder starts empty.
    static func beginStaging(_ output: String, protecting protected: [String], retained: [String: OutputRecord]? = nil,
                             keptAt previous: URL? = nil)
        throws -> (staging: URL, output: URL, startedWith: [String: OutputRecord]) {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        try refuseDangerousOutput(outputURL, protected: protected)
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        let fileManager = FileManager.default
        do {
            try SystemFile.makeFolders(parent.path)
        } catch {
            throw Failure(description: "cannot create \(parent.path): \(error)")
        }
        removeAbandonedStaging(in: parent, for: name)
        let staging = parent.appendingPathComponent(".\(name)\(stagingMarker)\(getpid())")
        try? fileManager.removeItem(at: staging)
        if let previous, let retained, !retained.isEmpty, Foundation.rename(previous.path, staging.path) == 0 {
            if let kept = try? RetainedSite.verify(staging.path, against: retained) {
                return (staging, outputURL, kept)
            }
            try? fileManager.removeItem(at: staging)
        } else {
            // No record to trust it by, or none the build can use: what it holds is unknown.
            if let previous { try? fileManager.removeItem(at: previous) }
        }
        guard mkdir(staging.path, 0o755) == 0 else {
            throw Failure(description: "cannot create the staging folder \(staging.path): \(SystemFile.Failure.last)")
        }
        return (staging, outputURL, [:])
    }

    /// Writes one file into `folder`, or hard-links an unchanged one from `previous`
    /// (the site being replaced), copying it where a link cannot be made. Returns the
    /// identity of the file now at its path. A file already there is unlinked first,
    /// never written into: it may be shared with the published site.
    /// - Parameter makingFolder: the file's folder may not exist yet. Where another thread
    ///   is still making it, the missing folder is made here too and the write tried again.
    /// - Parameter folder, previous: paths of folders, as `URL.path` gives them. Paths are
    ///   joined as text: `URL.appendingPathComponent` asks the file system whether each new
    ///   file is a folder, one more system call for every file of the site.
    static func write(_ file: OutputFile, into folder: String, previous: String, makingFolder: Bool) throws -> FileIdentity {
        precondition(!file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."),
                     "output path escapes the output folder: \(file.path)")
        let target = Paths.join(folder, file.path)
        let directory = parent(of: target)
        do {
            if makingFolder {
                try SystemFile.makeFolders(directory)
            }
            do {
                return try place(file, at: target, previous: previous)
            } catch {
                // Another worker may still be making the folder it claimed first: it is made
                // here too (a folder made meanwhile is no error) and the file placed again.
                guard !makingFolder else { throw error }
                try SystemFile.makeFolders(directory)
                return try place(file, at: target, previous: previous)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write \(target): \(error)")
        }
    }

    /// Writes `file` at `target`, or links (else copies) its unchanged self from `previous`.
    private static func place(_ file: OutputFile, at target: String, previous: String) throws -> FileIdentity {
        guard file.isUnchanged else { return try SystemFile.write(file.contents, to: target) }
        let source = Paths.join(previous, file.path)
        if let identity = try? SystemFile.link(source, to: target) { return identity }
        guard let contents = FileManager.default.contents(atPath: source) else {
            throw SystemFile.Failure(description: "the previous \(source) cannot be read")
        }
        return try SystemFile.write(contents, to: target)
    }

    /// The folder a path is in: `/site/nl/klachten` for `/site/nl/klachten/index.html`.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Exchanges the two folders in one step where the system can
    /// (renameat2), else renames the old one aside first. The replaced site is then
    /// renamed to `keepingPreviousAt`, or deleted.
    /// Returns whether the replaced site was kept.
    @discardableResult
    static func swapIn(_ staging: URL, at output: URL, keepingPreviousAt kept: URL? = nil) throws -> Bool {
        guard FileManager.default.fileExists(atPath: output.path) else {
            try rename(staging, output, replacing: output)
            return false
        }
        if helpsite_exchange_paths(staging.path, output.path) == 0 {
            return retire(staging, keepingAt: kept) // now the previous site
        }
        let code = errno
        // Only a system or file system without the exchange is worth a second way; a folder
        // that may not be moved (read-only, immutable) would refuse the renames the same.
        guard code == ENOSYS || code == EINVAL else {
            throw Failure(description: "cannot replace \(output.path) with the new site: \(String(cString: strerror(code)))")
        }
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(stagingMarker)old-\(getpid())")
        try rename(output, aside, replacing: output)
        do {
            try rename(staging, output, replacing: output)
        } catch {
            try? rename(aside, output, replacing: output)
            throw error
        }
        return retire(aside, keepingAt: kept)
    }

    /// The replaced site: kept for the next build if asked (and possible), else deleted.
    private static func retire(_ previous: URL, keepingAt kept: URL?) -> Bool {
        // Not kept where it cannot be renamed to (another file system): the next build starts afresh.
        if let kept, (try? SystemFile.makeFolders(kept.deletingLastPathComponent().path)) != nil,
           Foundation.rename(previous.path, kept.path) == 0 { return true }
        try? FileManager.default.removeItem(at: previous)
        return false
    }

    private static func rename(_ from: URL, _ to: URL, replacing output: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw Failure(description: "cannot replace \(output.path) with the new site: \(String(cString: strerror(errno)))")
        }
    }

    /// A build that was killed leaves its staging folder; the next one removes it
    /// unless the process that made it is still running.
    private static func removeAbandonedStaging(in parent: URL, for name: String) {
        let prefix = ".\(name)\(stagingMarker)"
        for entry in FileWalk.names(in: parent.path) where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// The output folder is replaced whole: it must not be the project, nor hold its sources.
    private static func refuseDangerousOutput(_ output: URL, protected: [String]) throws {
        let path = output.path
        guard path != "/", output.pathComponents.count > 1 else {
            throw Failure(description: "refusing to publish to \(path): the output folder is replaced whole")
        }
        for source in protected {
            let sourcePath = URL(fileURLWithPath: source).standardizedFileURL.path
            if sourcePath == path || sourcePath.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
                throw Failure(description: "refusing to publish to \(path): it holds \(source), and the output folder is replaced whole")
            }
        }
        if FileManager.default.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw Failure(description: "refusing to publish to \(path): it is a git checkout, and the output folder is replaced whole")
        }
    }
}
