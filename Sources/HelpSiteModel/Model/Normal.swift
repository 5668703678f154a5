import Foundation

/// The normal forms in which facts are compared across languages.
package enum Normal {
    /// `Info@Ombudsfin.BE` → `Info@ombudsfin.be`: the domain is case-insensitive, the local part may not be.
    package static func email(_ address: String) -> String? {
        var address = address
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        guard isEmailAddress(address), let at = address.lastIndex(of: "@") else { return nil }
        return address[..<at] + "@" + address[address.index(after: at)...].lowercased()
    }

    /// Scheme and host lowercased, the default port dropped, an empty path made `/`.
    package static func url(_ text: String) -> String? {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, host.contains(".") else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if components.port == (scheme == "https" ? 443 : 80) { components.port = nil }
        if components.path.isEmpty { components.path = "/" }
        return components.string
    }

    package static func phone(_ text: String, region: String) -> Result<String, PhoneNumber.Problem> {
        var text = text
        if text.lowercased().hasPrefix("tel:") { text = String(text.dropFirst(4)) }
        return PhoneNumber.e164(text, region: region)
    }
}
