/// An organisation a reader can reach, with its structured details.
public struct ContactBlock: Sendable {
    /// Stable across languages.
    public var id: Located<String>
    public var organisation: Located<String>
    /// Lines under the organisation's name: each a department, or the person to address.
    public var departments: [Department]
    public var address: PostalAddress?
    public var channels: [Channel]
    /// The languages the organisation answers in (BCP 47 codes), where the content says so.
    public var languages: [Located<String>]

    public init(
        id: Located<String>, organisation: Located<String>, departments: [Department],
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

/// A line under an organisation's name: a department, or the person to address.
/// On an envelope it is the attention line (`t.a.v. Operationele dienst / SRC`); `for`
/// says which customers write to it, so that each postal block names one.
public struct Department: Sendable {
    /// The department's name only, as the structured data carries it.
    public var name: Located<String>
    /// The words before it on an envelope, as the language writes them: `t.a.v.`, `À l'attention du`.
    public var attention: Located<String>?
    /// The customers who write to it: `particuliere klanten (B2C)`.
    public var audience: Located<String>?

    public init(name: Located<String>, attention: Located<String>? = nil, audience: Located<String>? = nil) {
        self.name = name
        self.attention = attention
        self.audience = audience
    }

    /// Its texts, in the order a contact block writes them.
    public var texts: [Located<String>] {
        [name] + [attention, audience].compactMap { $0 }
    }

    /// As an envelope writes it: `t.a.v. Operationele dienst / SRC (B2C-klanten)`.
    public var attentionLine: String {
        attention.map { "\($0.value) \(name.value)" } ?? name.value
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

extension ContactBlock {
    /// A website as a contact block shows it, and the search indexes it:
    /// `https://www.ombudsman-insurance.be/` reads as `www.ombudsman-insurance.be`.
    public static func displayText(ofWebsite url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        if text.hasSuffix("/"), !text.dropLast().contains("/") { text = text.dropLast() }
        return String(text)
    }
}
