import Foundation
import HelpSiteModel

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

