import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HelpSiteModel

/// The site a build replaced, kept in the project's cache folder (`.helpsite-cache/` beside
/// the content folder, as `previous-public`), never beside the output: that folder is often
/// inside a web root, and a server would publish yesterday's site under a hidden name. Kept
/// so that the next build can start its staging folder from it and touch only the files
/// that changed, instead of making every folder and link again and deleting a whole tree.
/// Where the cache folder is on another file system than the output, the replaced site
/// cannot be moved there and is deleted instead: the next build starts afresh.
///
/// It is only ever trusted through its record (`BuildManifest.retained`): the path,
/// fingerprint and identity of every file. Before a build starts from it, every entry is
/// compared with that record, and whatever does not match is removed.
enum RetainedSite {
    /// `<cache>/previous-public` for the output folder `public`.
    static func location(in cache: String, of output: URL) -> URL {
        URL(fileURLWithPath: cache).appendingPathComponent("previous-\(output.lastPathComponent)")
    }

    /// Compares the tree at `folder` with `record`, file by file. Returns the files that are
    /// exactly as recorded (same path, inode, size and modification time); removes every
    /// other entry, so that the folder holds those files and nothing else.
    static func verify(_ folder: String, against record: [String: OutputRecord]) throws(SystemFile.Failure) -> [String: OutputRecord] {
        // By bytes, not characters: a 1,000-page site has 6,600 paths.
        var folders: Set<String> = []
        for path in record.keys {
            var parent = path.utf8[...]
            while let slash = parent.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                guard folders.insert(String(Substring(parent))).inserted else { break }
            }
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last }
        var kept: [String: OutputRecord] = [:]
        kept.reserveCapacity(record.count)
        try walk(descriptor, folder: folder, prefix: "", record: record, folders: folders, into: &kept)
        return kept
    }

    /// One folder of the walk; takes ownership of `descriptor`. Not `FileWalk`: this walk removes
    /// entries as it goes, and reaches each one through its folder's descriptor (`fstatat`,
    /// `openat`, `unlinkat`, `O_NOFOLLOW`), so that a folder swapped for a link meanwhile is
    /// never followed out of the tree.
    private static func walk(_ descriptor: Int32, folder: String, prefix: String, record: [String: OutputRecord],
                             folders: Set<String>, into kept: inout [String: OutputRecord]) throws(SystemFile.Failure) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            throw .last
        }
        defer { closedir(directory) }
        // Read the whole folder before removing anything from it.
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != ".", name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        for (name, type) in entries {
            let path = prefix + name
            var info = stat()
            var isFolder = type == UInt8(DT_DIR)
            // Looked up once: 66,000 paths at 10,000 pages.
            let wanted = isFolder ? nil : record[path]
            if type == UInt8(DT_UNKNOWN) || wanted != nil {
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { throw .last }
                isFolder = info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder, folders.contains(path) {
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw .last }
                try walk(child, folder: folder + "/" + name, prefix: path + "/", record: record, folders: folders, into: &kept)
            } else if !isFolder, let wanted, info.st_mode & S_IFMT == S_IFREG, FileIdentity(info) == wanted.identity {
                kept[path] = wanted
            } else if isFolder {
                do {
                    try FileManager.default.removeItem(atPath: folder + "/" + name)
                } catch {
                    throw SystemFile.Failure(description: "cannot remove \(folder)/\(name): \(error)")
                }
            } else if unlinkat(descriptor, name, 0) != 0 {
                throw .last
            }
        }
    }

    /// Removes the files of the starting tree that this build did not write, then the
    /// folders that leaves empty.
    static func prune(_ folder: String, keeping written: Set<String>, from kept: [String: OutputRecord]) throws(SystemFile.Failure) {
        var emptied: Set<String> = []
        for path in kept.keys where !written.contains(path) {
            guard unlink(folder + "/" + path) == 0 || errno == ENOENT else {
                throw SystemFile.Failure(description: "cannot remove \(folder)/\(path): \(SystemFile.Failure.last)")
            }
            if let slash = path.lastIndex(of: "/") { emptied.insert(String(path[..<slash])) }
        }
        // Deepest first; a folder that still holds something stays.
        for path in emptied.sorted(by: { $0.count > $1.count }) {
            var parent = Substring(path)
            while rmdir(folder + "/" + parent) == 0, let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
            }
        }
    }
}
