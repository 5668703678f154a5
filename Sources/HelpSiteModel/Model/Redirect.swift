/// `redirects:` in `content/site.yaml`: an address the site once published, and where it
/// now goes. The build serves the old address with a permanent redirect (`RedirectRules`)
/// and a page that links on (`RedirectPage`), so that an address printed in a contract or
/// a letter never breaks.
///
/// ```yaml
/// redirects:
///   fr/plaintes/: complaints              # a page id: that page, in the old address's language
///   nl/klachtenprocedure/: nl/klachten/   # or an address of the site
/// ```
public struct Redirect: Sendable {
    /// The old address, relative to `base_url`, ending in `/`: `fr/plaintes/`.
    public var from: Located<String>
    public var to: Located<Target>

    public enum Target: Sendable, Equatable {
        /// A page id, in the old address's language.
        case page(String)
        /// An address of the site, relative to `base_url`, ending in `/`.
        case address(String)
    }

    public init(from: Located<String>, to: Located<Target>) {
        self.from = from
        self.to = to
    }
}

/// A redirect the build serves, worked out against this build's pages: both ends are
/// addresses of the site relative to `base_url` (`fr/plaintes/` → `fr/reclamations/`).
public struct ServedRedirect: Sendable, Equatable {
    public var from: String
    public var to: String
    /// The language of the page it leads to, for the redirect page's words.
    public var language: String
    /// The title of the page it leads to.
    public var title: String

    public init(from: String, to: String, language: String, title: String) {
        self.from = from
        self.to = to
        self.language = language
        self.title = title
    }
}
