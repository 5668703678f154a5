#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
import HelpSiteModel

/// The files and folders under a folder, and whole-file reads, straight from
/// the system: `readdir`'s entry types spare a `stat` per file, which matters
/// on a site of ten thousand pages.
enum FileTree {
    /// Relative paths of every regular file and folder under `root` (symbolic links followed
    /// to what they name); nil when `root` cannot be opened. The top folders (one per
    /// language) are walked side by side.
    static func walk(_ root: String) -> (files: Set<String>, directories: Set<String>)? {
        guard let top = list(root, relative: "") else { return nil }
        let folders = top.directories
        let below = parallelChunks(folders.count) { range in
            range.map { index -> Entries in
                var entries = Entries()
                var pending = [folders[index]]
                while let relative = pending.popLast(), let found = list(root, relative: relative) {
                    entries.files += found.files
                    entries.directories += found.directories
                    pending += found.directories
                }
                return entries
            }
        }
        var files = Set(top.files), directories = Set(folders)
        for entries in below {
            files.formUnion(entries.files)
            directories.formUnion(entries.directories)
        }
        return (files, directories)
    }

    struct Entries: Sendable {
        var files: [String] = []
        var directories: [String] = []
    }

    /// One folder's entries, as paths relative to `root`.
    private static func list(_ root: String, relative: String) -> Entries? {
        guard let handle = opendir(relative.isEmpty ? root : root + "/" + relative) else { return nil }
        defer { closedir(handle) }
        var entries = Entries()
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) { type = kind(of: root + "/" + path) }
            if type == Int32(DT_DIR) {
                entries.directories.append(path)
            } else if type == Int32(DT_REG) {
                entries.files.append(path)
            }
        }
        return entries
    }

    /// The type `stat` gives, following links, as a `DT_` value.
    private static func kind(of path: String) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else { return Int32(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        default: return Int32(DT_UNKNOWN)
        }
    }

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
