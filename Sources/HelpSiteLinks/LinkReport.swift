import HelpSiteModel

/// A diagnostic of the link check, with the link it is about, for machine-readable output.
public struct LinkProblem: Sendable, Hashable {
    public var diagnostic: Diagnostic
    /// The link as written in the page (`../../fr/plaintes/#mediation`), or nil
    /// for a problem about a whole page (a missing translation).
    public var link: String?
    /// The page it concerns, relative to the public folder, for adding the content line.
    package var page: String?
    /// A finding about an address the content writes (an external address asked online):
    /// reported where the content writes it, when that is known, with the page as a note.
    package var atContent = false
    /// The pages of the notes that name other places of the same link, in their order.
    package var alsoOn: [String] = []

    public init(_ diagnostic: Diagnostic, link: String?) {
        self.diagnostic = diagnostic
        self.link = link
    }

    package init(_ diagnostic: Diagnostic, link: String?, page: String?) {
        self.init(diagnostic, link: link)
        self.page = page
    }
}

/// What became of one distinct link: internal targets, addresses, and
/// external URLs (checked once however many pages use them).
public enum LinkVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case ok
    /// Moved permanently; the page should link to the new address.
    case redirected
    case broken
    /// Excluded, not checked offline, a scheme that is not checked, or not decided (rate limited).
    case skipped
}

/// The result for one external URL in an online check.
public struct URLCheck: Sendable, Hashable, Codable {
    public var url: String
    public var verdict: LinkVerdict
    /// The last HTTP status received, if any.
    public var status: Int?
    /// For a redirect, where it ends.
    public var redirectedTo: String?
    /// Why it is broken or skipped, in words: `404 Not Found`, `timed out after 3 tries`.
    public var reason: String?
    /// Requests made for it in this run; 0 when it came from the cache or was skipped.
    public var requests: Int
    public var fromCache: Bool
    /// Body bytes read, never more than the configured limit.
    public var bodyBytes: Int
    /// `true` when the address answers 200 with a page that says it is not found (a soft
    /// 404: the verdict is `broken`); absent otherwise.
    public var softNotFound: Bool?

    public init(url: String, verdict: LinkVerdict, status: Int? = nil, redirectedTo: String? = nil, reason: String? = nil,
                requests: Int = 0, fromCache: Bool = false, bodyBytes: Int = 0) {
        self.url = url
        self.verdict = verdict
        self.status = status
        self.redirectedTo = redirectedTo
        self.reason = reason
        self.requests = requests
        self.fromCache = fromCache
        self.bodyBytes = bodyBytes
    }
}

/// Counts over distinct links, for the closing line.
public struct LinkSummary: Sendable, Hashable {
    public var pages = 0
    public var checked = 0
    public var ok = 0
    public var redirected = 0
    public var broken = 0
    public var skipped = 0
    public var elapsed: Duration = .zero

    public init() {}

    package mutating func count(_ verdict: LinkVerdict) {
        checked += 1
        switch verdict {
        case .ok: ok += 1
        case .redirected: redirected += 1
        case .broken: broken += 1
        case .skipped: skipped += 1
        }
    }
}

/// Everything the link check found.
public struct LinkReport: Sendable {
    public var problems: [LinkProblem] = []
    public var summary = LinkSummary()
    /// Every page checked, named as messages name them (`public/fr/plaintes/index.html`), sorted.
    public var pages: [String] = []
    /// One entry per distinct external URL in an online check, sorted by URL.
    public var urls: [URLCheck] = []

    public init() {}

    /// The problems as diagnostics, for the compiler-style output.
    public var diagnostics: Diagnostics {
        Diagnostics(problems.map(\.diagnostic))
    }

    /// Broken links exit 1.
    public var hasErrors: Bool {
        problems.contains { $0.diagnostic.severity == .error }
    }
}
