/// An organisation a reader can reach, with its structured details.
public struct ContactBlock: Sendable {
    /// Stable across languages.
    public var id: Located<String>
    public var organisation: Located<String>
    /// Lines under the organisation's name: a department, an attention line.
    public var departments: [Located<String>]
    public var address: PostalAddress?
    public var channels: [Channel]
    /// The languages the organisation answers in (BCP 47 codes), where the content says so.
    public var languages: [Located<String>]

    public init(
        id: Located<String>, organisation: Located<String>, departments: [Located<String>],
        address: PostalAddress?, channels: [Channel], languages: [Located<String>] = []
    ) {
        self.id = id
        self.organisation = organisation
        self.departments = departments
        self.address = address
        self.channels = channels
        self.languages = languages
    }
}

/// A Belgian postal address. Street and city are localised in Brussels
/// (Bourgetlaan, Avenue du Bourget); number, box and postal code never are.
public struct PostalAddress: Sendable {
    public var building: Located<String>?
    public var street: Located<String>
    public var number: Located<String>
    public var box: Located<String>?
    public var postalCode: Located<String>
    public var city: Located<String>
    public var location: SourceLocation

    public init(
        building: Located<String>?, street: Located<String>, number: Located<String>,
        box: Located<String>?, postalCode: Located<String>, city: Located<String>, location: SourceLocation
    ) {
        self.building = building
        self.street = street
        self.number = number
        self.box = box
        self.postalCode = postalCode
        self.city = city
        self.location = location
    }
}

/// One way to reach an organisation: exactly one of phone, e-mail, URL or portal path.
public struct Channel: Sendable {
    public enum Value: Sendable, Equatable {
        /// As written by the translator, and its E.164 form.
        case phone(written: String, e164: String)
        case email(String)
        case url(String)
        /// The tabs to follow in the customer portal: `[Verzoeken, klachtenformulier]`.
        case portal([String])
    }

    /// Stable across languages.
    public var id: Located<String>
    public var label: Located<String>?
    public var value: Located<Value>
    public var note: Located<String>?
    public var hours: [OpeningHours]
    /// Set on a URL whose page exists only in the reference language.
    public var notLocalised: Bool

    public init(
        id: Located<String>, label: Located<String>?, value: Located<Value>,
        note: Located<String>?, hours: [OpeningHours], notLocalised: Bool
    ) {
        self.id = id
        self.label = label
        self.value = value
        self.note = note
        self.hours = hours
        self.notLocalised = notLocalised
    }
}
