import HelpSiteModel

/// A channel's phone number, e-mail address or web address is the same in every language.
struct ChannelRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        pair.channels.compactMap { original, translated in
            let at = translated.value.location, from = original.value.location
            switch (original.value.value, translated.value.value) {
            case (.phone(_, let expected), .phone(_, let actual)) where expected != actual:
                return pair.differs(.phone, actual, at: at, from: expected, at: from)
            case (.email(let expected), .email(let actual)) where expected != actual && Normal.email(expected) != Normal.email(actual):
                return pair.differs(.email, actual, at: at, from: expected, at: from)
            case (.url(let expected), .url(let actual)):
                return url(actual, notLocalised: translated.notLocalised, at: at, original: expected, from: from, pair)
            default:
                return nil
            }
        }
    }

    /// Equal, or the declared variant for this language; a page that exists only in the
    /// reference language may be linked as it is when the channel says `not_localised`.
    private func url(_ actual: String, notLocalised: Bool, at: SourceLocation, original: String, from: SourceLocation,
                     _ pair: PagePair) -> Diagnostic? {
        let normal = { Normal.url($0) ?? $0 }
        let originalNormal = normal(original)
        guard let entry = pair.urlVariants.byReference[originalNormal] else {
            guard actual != original, normal(actual) != originalNormal else { return nil }
            return pair.differs(.url, actual, at: at, from: original, at: from,
                                hint: "; if each language has its own page, declare them once under url_variants in site.yaml")
        }
        let expected = entry[pair.language] ?? entry[pair.referenceLanguage]!
        let actualNormal = normal(actual)
        if actualNormal == normal(expected.value) || (notLocalised && actualNormal == originalNormal) { return nil }
        return pair.differs(.url, actual, at: at, from: original, at: from,
                            hint: "; site.yaml declares \(expected.value) for \(pair.language) (\(expected.location))")
    }
}
