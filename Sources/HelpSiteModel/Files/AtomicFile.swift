import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces one file whole or not at all: the commands that write content files
/// (`status --accept`, `new-language`, `import-xliff`) go through here, so an
/// interrupted or failed write leaves the translator's file exactly as it was.
///
/// The new bytes go to a temporary file beside the target (same folder, so the same
/// file system), are flushed to disk, take the target's permissions, and are renamed
/// over it; the folder is flushed after the rename. A temporary file left by a killed
/// process starts with `.` and ends in `.helpsite-tmp`, and is removed by the next write
/// to the same file.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        removeLeftovers(of: name, in: folder)

        let temporary = folder + "/." + name + "." + String(UInt32.random(in: 0...UInt32.max), radix: 36) + ".helpsite-tmp"
        let existingMode: mode_t? = {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
        }()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existingMode ?? 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: lastError()) }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }

        if let problem = SystemFile.writeAll(data, to: descriptor) { throw Failure(path: path, reason: problem.description) }
        if let existingMode { fchmod(descriptor, existingMode) }
        guard fsync(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
        closed = true
        guard close(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: lastError()) }
        renamed = true
        syncFolder(folder)
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Data(text.utf8), to: path)
    }

    private static func removeLeftovers(of name: String, in folder: String) {
        let prefix = "." + name + "."
        for entry in FileWalk.names(in: folder) where entry.hasPrefix(prefix) && entry.hasSuffix(".helpsite-tmp") {
            unlink(folder + "/" + entry)
        }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func lastError() -> String {
        SystemFile.Failure.last.description
    }
}
