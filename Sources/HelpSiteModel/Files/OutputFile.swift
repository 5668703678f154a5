import Foundation

/// A file of the built site: where it goes under the output folder, and its bytes.
public struct OutputFile: Sendable {
    /// Relative to the output folder: `nl/klachten/index.html`.
    public var path: String
    public var contents: Data
    /// A file made earlier from the same fingerprint is still right: the writer keeps it
    /// (or hard-links it), `contents` is empty.
    public var isUnchanged: Bool
    /// What a page's file is made from (see `SiteRenderer.render(_:unchanged:)`); `nil` for
    /// the site-wide files, which are rendered every build.
    public var fingerprint: String?

    public init(path: String, contents: Data, isUnchanged: Bool = false, fingerprint: String? = nil) {
        self.path = path
        self.contents = contents
        self.isUnchanged = isUnchanged
        self.fingerprint = fingerprint
    }
}

/// Whether a page's file made from a fingerprint is still at hand (in the output folder,
/// or in the tree the build starts from), so that the page need not be rendered again.
public typealias UnchangedPages = @Sendable (_ path: String, _ fingerprint: String) -> Bool
