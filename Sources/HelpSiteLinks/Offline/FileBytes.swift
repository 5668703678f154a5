#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Whole files read straight from the system, into a buffer that serves thousands
/// of pages. (The folders of the built site are listed by `FileWalk.tree`.)
enum FileBytes {
    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        return read(path, into: &bytes) ? bytes : nil
    }

    /// Reads the whole file into `bytes`, reusing its storage (one buffer serves
    /// thousands of pages); false when the file cannot be read.
    static func read(_ path: String, into bytes: inout [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        let size = Int(info.st_size)
        if bytes.count > size {
            bytes.removeLast(bytes.count - size)
        } else if bytes.count < size {
            bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
        }
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + total, $0.count - total) }
            guard count > 0 else { break }
            total += count
        }
        return total == size
    }
}
