/// Paths as the user named them, joined without `URL`'s standardising: messages start
/// with the folder exactly as it was given (`content/fr/plaintes.yaml`, not an absolute path).
package enum Paths {
    /// `content` + `fr` → `content/fr`; `.` or an empty folder leaves `name` as it is.
    package static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}

/// What the files of a language folder are: `language.yaml` (interface text),
/// `contacts.yaml` (shared contacts), and one `<id>.yaml` per page.
public enum LanguageFolder {
    public static let stringsFile = "language.yaml"
    public static let contactsFile = "contacts.yaml"

    /// Whether a file name of a language folder is a page's: YAML, not hidden, not one of
    /// the two files every page shares.
    public static func isPageFile(_ name: some StringProtocol) -> Bool {
        name.hasSuffix(".yaml") && !name.hasPrefix(".") && name != stringsFile && name != contactsFile
    }

    /// `complaints.yaml` → `complaints`.
    public static func pageID(ofFile name: some StringProtocol) -> String {
        String(name.dropLast(".yaml".count))
    }
}
