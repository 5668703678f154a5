import Foundation
import HelpSiteModel

/// The permanent (301) redirects of `redirects:` in site.yaml, as each kind of web server
/// the web team may use reads them, written into the built site on every build (with no
/// redirect too, so that a server's configuration can always name them):
///
/// - `nginx-redirects.conf`, for `include` in nginx's `server` block: exact `location`s,
///   which win over every other kind of location;
/// - `.htaccess`, for Apache (`AllowOverride FileInfo`): `RedirectMatch`, inside
///   `<IfModule mod_alias.c>` so that a server without the module still serves the site;
/// - `_redirects`, which Netlify and Cloudflare Pages read: each rule twice, first with
///   `301!`, which Netlify needs so that the page at the old address (`RedirectPage`) does
///   not shadow the rule, then with `301`, which Cloudflare Pages reads (it ignores a line
///   whose code it does not know, and either host applies the first rule that matches).
///
/// Each old address is matched as `/fr/plaintes/`, `/fr/plaintes` and
/// `/fr/plaintes/index.html`, so that no form a reader may type takes two hops.
public enum RedirectRules {
    public static let nginxFile = "nginx-redirects.conf"
    public static let apacheFile = ".htaccess"
    public static let staticHostFile = "_redirects"

    /// - Parameters:
    ///   - redirects: their addresses are plain (`PublishedAddresses.isAddress`): nothing
    ///     in them needs quoting for nginx or Apache.
    ///   - root: the site's root on its server, from `base_url`: `/`, or `/help/`.
    public static func files(_ redirects: [ServedRedirect], root: String) -> [OutputFile] {
        let sorted = redirects.sorted { $0.from < $1.from }
        let header = "# Written by helpsite build from redirects: in content/site.yaml; edit that, not this file."
        var nginx = header + "\n# In the server block that serves the site:  include /path/to/public/\(nginxFile);\n"
        var apache = header + "\n<IfModule mod_alias.c>\n"
        var hosts = header + "\n"
        for redirect in sorted {
            let from = root + redirect.from, to = root + redirect.to
            for form in forms(of: from) {
                nginx += "location = \(form) { return 301 \(to); }\n"
                hosts += "\(form) \(to) 301!\n\(form) \(to) 301\n"
            }
            apache += "RedirectMatch 301 ^\(regex(String(from.dropLast())))(/|/index\\.html)?$ \(to)\n"
        }
        apache += "</IfModule>\n"
        return [
            OutputFile(path: nginxFile, contents: Data(nginx.utf8)),
            OutputFile(path: apacheFile, contents: Data(apache.utf8)),
            OutputFile(path: staticHostFile, contents: Data(hosts.utf8)),
        ]
    }

    /// `/fr/plaintes/`, `/fr/plaintes`, `/fr/plaintes/index.html`.
    static func forms(of folder: String) -> [String] {
        [folder, String(folder.dropLast()), folder + "index.html"]
    }

    /// A path as a regular expression that matches it literally.
    static func regex(_ path: String) -> String {
        var escaped = ""
        for character in path {
            if ".^$*+?()[]{}|\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
