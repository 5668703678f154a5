import CAtomicSwap
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX writes. Foundation's `Data.write(to:)` flushes every file to disk
/// (an `fsync` each); a site of 30,000 pages spent a tenth of its build there. The
/// site is written unflushed into its staging folder and flushed once, by
/// `flushFileSystem(holding:)`, before it is swapped in.
enum FileBytes {
    /// Why a file could not be written: the system's error number.
    struct Failure: Error {
        let code: Int32
        var text: String { String(cString: strerror(code)) }
    }

    /// Creates `path` (which must not exist) holding `data`.
    static func create(_ path: String, holding data: Data, mode: mode_t = 0o644) -> Failure? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return Failure(code: errno) }
        defer { close(descriptor) }
        return writeAll(data, to: descriptor) == nil ? nil : Failure(code: errno == 0 ? EIO : errno)
    }

    /// Writes all of `data`, resuming after short writes and interruptions.
    static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                offset += count
            }
            return nil
        }
    }

    /// Flushes everything written to the file system that holds `folder`: one call
    /// instead of one per file. The error text when the disk refused the data.
    static func flushFileSystem(holding folder: String) -> String? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return lastError() }
        defer { close(descriptor) }
        return helpsite_sync_file_system(descriptor) == 0 ? nil : lastError()
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
