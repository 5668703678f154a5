/// What `site.yaml` declares once so that every language may write a fact its
/// own way: `Bourgetlaan` is `Avenue du Bourget`, `Brussel` is `Bruxelles`,
/// and the supervisor's site is `/nl`, `/fr`, `/en`. Anything not declared
/// must be written as the reference language writes it.
public struct FactEquivalents: Sendable {
    /// One form per language code; every entry has the reference language's form.
    public typealias Entry = [String: Located<String>]

    /// Street and city names.
    public var placeNames: [Entry]
    /// Web addresses with a page per language.
    public var urlVariants: [Entry]

    public init(placeNames: [Entry] = [], urlVariants: [Entry] = []) {
        self.placeNames = placeNames
        self.urlVariants = urlVariants
    }

    /// The declared entry whose `reference` form is `value`, if any.
    public func entry(in entries: [Entry], reference: String, value: String, normalise: (String) -> String = { $0 }) -> Entry? {
        entries.first { $0[reference].map { normalise($0.value) } == normalise(value) }
    }
}
