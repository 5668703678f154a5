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
    /// Over the bytes: a rebuild asks it of every input, and `hasSuffix` on a `Substring`
    /// compares characters from the end (2 % of a one-page rebuild of 1,000 pages).
    public static func isPageFile(_ name: some StringProtocol) -> Bool {
        let bytes = name.utf8
        func equals(_ other: String) -> Bool { bytes.count == other.utf8.count && bytes.elementsEqual(other.utf8) }
        return bytes.count > 5 && bytes.suffix(5).elementsEqual(".yaml".utf8) && bytes.first != UInt8(ascii: ".")
            && !equals(stringsFile) && !equals(contactsFile)
    }

    /// `complaints.yaml` → `complaints`.
    public static func pageID(ofFile name: some StringProtocol) -> String {
        String(name.dropLast(".yaml".count))
    }
}
