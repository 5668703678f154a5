import Foundation
import HelpSiteModel

/// The address part of a `mailto:` link (RFC 6068): one or more addresses,
/// comma-separated, percent-encoded, then optional `?subject=…` headers.
enum MailtoAddress {
    /// Why `rest` (what follows `mailto:`) is not valid, or nil.
    static func problem(_ rest: String) -> String? {
        let addresses = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let decoded = String(addresses).removingPercentEncoding else { return "is not valid percent-encoding" }
        let list = decoded.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !decoded.isEmpty else { return "holds no e-mail address" }
        for address in list where !isValid(address) {
            return "holds '\(address)', which is not an e-mail address (expected name@domain.tld)"
        }
        return nil
    }

    /// RFC 5322's atext: what a local part may hold besides dots.
    private static let atext = CharacterSet(charactersIn: "!#$%&'*+/=?^_`{|}~-").union(.alphanumerics)

    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
              local.utf8.indices.dropFirst().allSatisfy({ !(local.utf8[$0] == 0x2E && local.utf8[local.utf8.index(before: $0)] == 0x2E) }),
              local.unicodeScalars.allSatisfy({ $0 == "." || atext.contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, !top.allSatisfy(\.isNumber) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
        }
    }
}

/// The number of a `tel:` link: E.164, `+` and 8 to 15 digits, checked with `PhoneNumber`'s rules.
enum TelephoneNumber {
    static func problem(_ rest: String, region: String) -> String? {
        // `;ext=12` and other RFC 3966 parameters follow the number.
        let number = String(rest.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let decoded = number.removingPercentEncoding ?? number
        let isE164 = decoded.hasPrefix("+") && (9...16).contains(decoded.count) && decoded.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        switch PhoneNumber.e164(decoded, region: region) {
        case .success(let e164):
            return isE164 && e164 == decoded ? nil : "is not in E.164 form; write tel:\(e164)"
        case .failure(let problem):
            return "is not a valid phone number: \(problem)"
        }
    }
}

/// Hosts that cannot have a public certificate: no `https` is expected of them.
enum LocalHosts {
    static func isLocal(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
            || host.hasSuffix(".local") || host.hasSuffix(".test") || host.hasSuffix(".internal")
    }
}

/// The `link_check: exclude:` patterns of site.yaml, compiled once.
package struct LinkExclusion: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    private let patterns: [NSRegularExpression]

    /// Throws for the first pattern that is not a regular expression (site.yaml's reader reports those first).
    package init(_ patterns: [String]) throws {
        self.patterns = try patterns.map { try NSRegularExpression(pattern: $0) }
    }

    /// True when any pattern matches anywhere in `url`.
    package func excludes(_ url: String) -> Bool {
        let range = NSRange(url.startIndex..., in: url)
        return patterns.contains { $0.firstMatch(in: url, range: range) != nil }
    }
}
