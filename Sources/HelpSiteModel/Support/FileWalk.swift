import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way HelpSite lists folders: `readdir`, and `lstat` or `stat` only where an entry's
/// type is needed and `readdir` does not give it. Foundation's `contentsOfDirectory`,
/// `subpaths` and `attributesOfItem` cost several microseconds an entry, a good part of a
/// second on a site of 30,000 page files, and a rebuild stamps every file before anything else.
///
/// Three shapes: `names(in:)`, one folder; `entries(under:)`, every entry with its size and
/// date, in order; `tree(under:)`, the files and folders of a built site, on every core
/// (`FileWalk+Tree.swift`). `RetainedSite.walk` alone reads folders itself: it removes
/// entries as it goes, through the folders' descriptors.
package enum FileWalk {
    package struct Entry {
        /// From the folder walked, with `/` between names: `nl/klachten.yaml`.
        package var relative: String
        /// `S_IFREG`, `S_IFDIR`, `S_IFLNK`…
        package var kind: mode_t
        package var size: Int
        /// Seconds since 1970, as Foundation's modification date gives them.
        package var modified: Double
    }

    /// Depth first, names in order within each folder. A symbolic link is an entry, never
    /// followed; a folder that cannot be read is an entry with nothing under it.
    package static func entries(under folder: String) -> [Entry] {
        var entries: [Entry] = []
        walk(folder, relative: "", into: &entries)
        return entries
    }

    private static func walk(_ folder: String, relative: String, into entries: inout [Entry]) {
        for name in names(in: folder) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let entry = Entry(relative: relative.isEmpty ? name : relative + "/" + name, kind: info.st_mode & S_IFMT,
                              size: Int(info.st_size),
                              modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
            entries.append(entry)
            if entry.kind == S_IFDIR { walk(path, relative: entry.relative, into: &entries) }
        }
    }

    /// The names in `folder` but `.` and `..`, in order; none when it cannot be read.
    package static func names(in folder: String) -> [String] {
        var names: [String] = []
        _ = forEachName(in: folder) { name, _ in names.append(name) }
        return names.sorted()
    }

    /// Calls `body` with each name in `folder` but `.` and `..`, in the order the file system
    /// gives them, and the entry's `DT_` type (`DT_UNKNOWN` where the file system keeps none);
    /// false when the folder cannot be opened.
    static func forEachName(in folder: String, _ body: (String, UInt8) -> Void) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { body(name, entry.pointee.d_type) }
        }
        return true
    }
}
