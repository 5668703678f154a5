import Foundation

/// A fact a reader acts on, in the form in which languages are compared.
public struct Fact: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case phone, email, url, postalCode, number, box, street, city, building, hours

        /// How messages name it.
        public var name: String {
            switch self {
            case .phone: "phone"
            case .email: "e-mail"
            case .url: "URL"
            case .postalCode: "postal code"
            case .number: "house number"
            case .box: "box"
            case .street: "street"
            case .city: "city"
            case .building: "building"
            case .hours: "hours"
            }
        }
    }

    public var kind: Kind
    /// The normal form: E.164, a lowercased domain, a normalised URL.
    public var value: String
    /// As the translator wrote it.
    public var written: String
    public var location: SourceLocation
}

/// The normal forms in which facts are compared across languages.
enum Normal {
    /// `Info@Ombudsfin.BE` → `Info@ombudsfin.be`: the domain is case-insensitive, the local part may not be.
    static func email(_ address: String) -> String? {
        var address = address
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        guard isEmailAddress(address), let at = address.lastIndex(of: "@") else { return nil }
        return address[..<at] + "@" + address[address.index(after: at)...].lowercased()
    }

    /// Scheme and host lowercased, the default port dropped, an empty path made `/`.
    static func url(_ text: String) -> String? {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, host.contains(".") else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if components.port == (scheme == "https" ? 443 : 80) { components.port = nil }
        if components.path.isEmpty { components.path = "/" }
        return components.string
    }

    static func phone(_ text: String, region: String) -> Result<String, PhoneNumber.Problem> {
        var text = text
        if text.lowercased().hasPrefix("tel:") { text = String(text.dropFirst(4)) }
        return PhoneNumber.e164(text, region: region)
    }
}
