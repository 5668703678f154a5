/// `outside_facts:` in `content/site.yaml`: a page of an outside organisation (an
/// ombudsman, the supervisor) and the facts of its contact block that must still be on
/// that page. `helpsite links --online` fetches the page and reports each fact that is no
/// longer there, at the place the content writes it.
///
/// ```yaml
/// outside_facts:
///   - contact: ombudsfin                        # a contact block's id in the pages
///     page: https://www.ombudsfin.be/nl/contact
///     facts: [address, email]                   # `address`, or a channel id of the block
/// ```
public struct OutsidePage: Sendable {
    /// The id of the contact block whose facts are checked (in the reference language).
    public var contact: Located<String>
    /// Their page, an absolute `http(s)` address.
    public var page: Located<String>
    /// `address` (street and number, postal code, city) or the id of one of the block's channels.
    public var facts: [Located<String>]
    /// The entry in site.yaml.
    public var location: SourceLocation

    public init(contact: Located<String>, page: Located<String>, facts: [Located<String>], location: SourceLocation) {
        self.contact = contact
        self.page = page
        self.facts = facts
        self.location = location
    }

    /// The word `facts:` uses for the postal address.
    public static let addressFact = "address"
}
