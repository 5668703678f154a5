/// Paths as the user named them, joined without `URL`'s standardising: messages start
/// with the folder exactly as it was given (`content/fr/plaintes.yaml`, not an absolute path).
package enum Paths {
    /// `content` + `fr` → `content/fr`; `.` or an empty folder leaves `name` as it is.
    package static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}
