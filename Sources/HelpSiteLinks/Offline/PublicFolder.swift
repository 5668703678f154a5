import Foundation
import HelpSiteModel

/// The built site as the link check sees it: every file and folder under
/// `public/`, and every HTML page parsed.
package struct PublicFolder: Sendable {
    /// As the user named it: `public`; messages put it before each page's path.
    package let root: String
    /// Relative paths: `fr/plaintes/index.html`, `style.css`.
    package let files: Set<String>
    package let directories: Set<String>
    /// Every `.html` file, sorted by path.
    package let pages: [HTMLPage]
    /// HTML files that could not be read.
    package var unreadable: [String] = []
    /// For a served site: the paths the server redirects, to the path they lead to.
    package var redirects: [String: String] = [:]

    package init(root: String, files: Set<String>, directories: Set<String>, pages: [HTMLPage]) {
        self.root = root
        self.files = files
        self.directories = directories
        self.pages = pages
    }

    /// Reads the folder, parsing pages on every core: each page is independent.
    package static func read(_ root: String) throws -> PublicFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(.error, "\(root)/ does not exist or is not a folder; build the site first, or check the folder the build wrote",
                             at: SourceLocation(file: root), code: .linkUnreachable)
        }
        // A folder below the root that cannot be opened counts as empty (`tree.unreadable` names it):
        // links into it are reported as broken, as they always were.
        guard let tree = FileWalk.tree(under: root) else {
            throw Diagnostic(.error, "\(root)/ cannot be read", at: SourceLocation(file: root), code: .linkUnreachable)
        }
        let files = Set(tree.files), directories = Set(tree.folders)
        let htmlPaths = files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        let pages = parse(htmlPaths, in: root)
        var folder = PublicFolder(root: root, files: files, directories: directories, pages: pages)
        folder.unreadable = Set(htmlPaths).subtracting(pages.map(\.path)).sorted()
        return folder
    }

    /// `public/fr/plaintes/index.html`, the form messages use.
    package func display(_ path: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    private static func parse(_ paths: [String], in root: String) -> [HTMLPage] {
        parallelChunks(paths.count) { range in
            var buffer: [UInt8] = []
            return range.compactMap { index in
                FileBytes.read(root + "/" + paths[index], into: &buffer) ? HTMLPage(path: paths[index], bytes: buffer) : nil
            }
        }
    }
}
