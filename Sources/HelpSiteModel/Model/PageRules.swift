import Foundation

/// What a page declares it is (`rules: [complaints]` in the reference language's file),
/// and so what it must hold in every language (`HelpSiteCheck`'s `ComplaintsRule`).
public enum PageRule: String, Sendable, CaseIterable {
    /// A complaints procedure: the elements the ESAs' joint guidelines on complaints
    /// handling (guideline 6) and the ADR directive (2013/11/EU, article 13) ask of it.
    case complaints
}

/// What a section of a page is for (`role:`), so that a rule finds an element of the
/// page by its structure, not by the words of its prose.
public enum SectionRole: String, Sendable, CaseIterable {
    /// How to complain: a contact with at least one channel, and a list of what to include.
    case howToComplain = "how-to-complain"
    /// Whom to contact: a contact naming the department or person, with its details.
    case contactPoint = "contact-point"
    /// When the complaint is acknowledged and answered: a note with two durations.
    case responseTimes = "response-times"
    /// The firm's internal second review, when it has one: a text saying who reviews.
    case secondReview = "second-review"
    /// The ADR entity (ombudsman) that covers the firm: a contact with its website.
    case adrEntity = "adr-entity"
    /// The supervisor: a contact with its details.
    case supervisor
}

/// `banned_links:` in site.yaml: addresses no page may link to, each with the reason.
public struct BannedLink: Sendable {
    /// `ec.europa.eu/consumers/odr`: matched against an address without its scheme and `www.`.
    public var prefix: Located<String>
    public var reason: Located<String>

    public init(prefix: Located<String>, reason: Located<String>) {
        self.prefix = prefix
        self.reason = reason
    }

    /// Whether `url` is under the prefix: `https://ec.europa.eu/consumers/odr/main/?event=…` is.
    public func matches(_ url: String) -> Bool {
        let address = Self.comparable(url)
        let prefix = Self.comparable(self.prefix.value)
        guard address.hasPrefix(prefix) else { return false }
        // `…/odr` bans `…/odr/…` and `…/odr?…`, not `…/odrive`.
        guard let next = address.dropFirst(prefix.count).first else { return true }
        return prefix.hasSuffix("/") || "/?#".contains(next)
    }

    /// Lowercased, without `http://`, `https://`, `//` or `www.`.
    package static func comparable(_ url: String) -> String {
        var text = Substring(url.trimmingCharacters(in: .whitespaces).lowercased())
        for scheme in ["https://", "http://", "//"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
            break
        }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        return String(text)
    }
}
