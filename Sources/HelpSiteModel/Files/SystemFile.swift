import CAtomicSwap
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and folders made through the system calls themselves, so that a failure keeps
/// the system's reason: `No space left on device`, `File too large`, `Read-only file
/// system`. Foundation on Linux turns most of them into "The operation could not be
/// completed", which tells the web team nothing about what to fix.
package enum SystemFile {
    /// Why a call failed, in the system's words.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        package init(description: String) {
            self.description = description
        }

        package static var last: Failure { Failure(description: String(cString: strerror(errno))) }
    }

    /// Creates the file at `path` with `data`, and returns the new file's identity. A file
    /// already there is unlinked first, never written into: it may be a hard link shared with
    /// the published site. Not atomic: the build writes into a staging folder that is
    /// published whole, or removed. Not flushed either: Foundation's `Data.write(to:)` flushed
    /// every file, a tenth of a large build; the staging folder is flushed once, by
    /// `flushFileSystem(holding:)`, before it is published.
    @discardableResult
    package static func write(_ data: Data, to path: String) throws(Failure) -> FileIdentity {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST {
            guard unlink(path) == 0 else { throw .last }
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw .last }
        var failure = writeAll(data, to: descriptor)
        var info = stat()
        if failure == nil, fstat(descriptor, &info) != 0 { failure = .last }
        // close reports what a delayed write could not do (a full disk over NFS, for one).
        if close(descriptor) != 0, failure == nil { failure = .last }
        if let failure { throw failure }
        return FileIdentity(info)
    }

    /// Hard-links `source` at `target`, unlinking a file already at `target` first.
    package static func link(_ source: String, to target: String) throws(Failure) -> FileIdentity {
        var linked = Foundation.link(source, target) == 0
        if !linked, errno == EEXIST {
            guard unlink(target) == 0 else { throw .last }
            linked = Foundation.link(source, target) == 0
        }
        guard linked else { throw .last }
        return try identity(of: target)
    }

    package static func identity(of path: String) throws(Failure) -> FileIdentity {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .last }
        return FileIdentity(info)
    }

    /// Writes all of `data` to an open file, resuming after short writes and interruptions.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Failure? {
        data.withUnsafeBytes { buffer -> Failure? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .last
                }
                offset += count
            }
            return nil
        }
    }

    /// Flushes everything written to the file system that holds `folder`: one call
    /// instead of one per file.
    package static func flushFileSystem(holding folder: String) throws(Failure) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last }
        defer { close(descriptor) }
        guard helpsite_sync_file_system(descriptor) == 0 else { throw .last }
    }

    /// Creates `path` and any folders above it that do not exist yet.
    package static func makeFolders(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw Failure(description: "\(path) exists and is not a folder")
            }
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw .last }
            try makeFolders(parent)
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .last }
        default:
            throw .last
        }
    }
}
