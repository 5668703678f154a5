import HelpSiteModel

/// No page links to an address site.yaml bans (`banned_links:`), in its prose or its
/// contacts' web addresses: the EU's online dispute resolution platform closed on
/// 20 July 2025, and a procedure that still sends readers there misleads them.
enum BannedLinkRule {
    /// - Parameter prose: the facts found in the page's prose (`ProseRule.parts`).
    static func check(_ page: Page, prose: [ProseRule.Part], banned: [BannedLink]) -> [Diagnostic] {
        guard !banned.isEmpty else { return [] }
        let written = prose.flatMap(\.facts).filter { $0.kind == .url }.map { ($0.written, $0.value, $0.location) }
        let channels = page.sections.flatMap(\.contacts).flatMap(\.channels).compactMap { channel -> (String, String, SourceLocation)? in
            guard case .url(let url) = channel.value.value else { return nil }
            return (url, url, channel.value.location)
        }
        return check(written + channels, banned: banned)
    }

    /// The web addresses of shared contacts, checked once where they are written.
    static func check(_ contacts: SharedContacts, banned: [BannedLink]) -> [Diagnostic] {
        check(contacts.contacts.flatMap(\.channels).compactMap { channel in
            guard case .url(let url) = channel.value.value else { return nil }
            return (url, url, channel.value.location)
        }, banned: banned)
    }

    private static func check(_ links: [(written: String, url: String, location: SourceLocation)], banned: [BannedLink]) -> [Diagnostic] {
        links.compactMap { link in
            guard let ban = banned.first(where: { $0.matches(link.url) || $0.matches(link.written) }) else { return nil }
            return Diagnostic(.error, "'\(link.written)' links to \(ban.prefix.value), which site.yaml bans: \(ban.reason.value)",
                              at: link.location, code: .factBanned, related: [ban.prefix.location])
        }
    }
}
