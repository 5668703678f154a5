#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileWalk {
    /// The regular files and folders under a folder, as the link check needs them.
    package struct Tree: Sendable {
        /// Relative paths, in no particular order: `fr/plaintes/index.html`, `style.css`.
        package var files: [String] = []
        package var folders: [String] = []
        /// Folders under the root that could not be opened: nothing under them is listed.
        package var unreadable: [String] = []
    }

    /// Every regular file and folder under `root`, symbolic links followed to what they name;
    /// nil when `root` cannot be opened. `readdir`'s entry types spare a `stat` per file, and
    /// the top folders (one per language) are walked side by side: on a site of 30,000 pages
    /// this is most of what the offline link check does before it parses the first page.
    package static func tree(under root: String) -> Tree? {
        var top = Tree()
        guard list(root, relative: "", into: &top) else { return nil }
        let folders = top.folders
        let below = parallelChunks(folders.count) { range in
            range.map { index -> Tree in
                var tree = Tree()
                var pending = [folders[index]]
                while let relative = pending.popLast() {
                    let known = tree.folders.count
                    if list(root, relative: relative, into: &tree) {
                        pending += tree.folders[known...]
                    } else {
                        tree.unreadable.append(relative)
                    }
                }
                return tree
            }
        }
        for tree in below {
            top.files += tree.files
            top.folders += tree.folders
            top.unreadable += tree.unreadable
        }
        return top
    }

    /// Adds one folder's files and folders, as paths relative to `root`; false when it cannot be opened.
    private static func list(_ root: String, relative: String, into tree: inout Tree) -> Bool {
        forEachName(in: relative.isEmpty ? root : root + "/" + relative) { name, type in
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = type
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) { type = followedType(of: root + "/" + path) }
            if type == UInt8(DT_DIR) {
                tree.folders.append(path)
            } else if type == UInt8(DT_REG) {
                tree.files.append(path)
            }
        }
    }

    /// The type `stat` gives, following links, as a `DT_` value.
    private static func followedType(of path: String) -> UInt8 {
        var info = stat()
        guard stat(path, &info) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }
}
