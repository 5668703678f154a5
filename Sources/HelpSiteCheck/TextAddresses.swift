import Foundation
import HelpSiteModel

/// Addresses written in text: e-mail addresses, web addresses with `https://` or `www.`,
/// bare domains (`consumerconnect.be`, `economie.fgov.be/nl`) and phone numbers, which the
/// prose check reads as facts.
enum TextAddresses {
    static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    static let url = try! NSRegularExpression(pattern: #"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"’]"#)
    /// A domain without `https://` or `www.`: labels, then a top-level domain of this list, written in
    /// lower case (`ConsumerConnect.be` is one; `t.a.v.`, `o.a.`, `e.g.` and `werkdagen.Behoudens` are not).
    static let topLevelDomains = ["be", "nl", "fr", "lu", "de", "eu", "uk", "ch", "at", "it", "es", "pt", "ie", "dk", "se", "fi",
                                  "no", "pl", "cz", "com", "org", "net", "int", "info", "biz", "gov", "edu", "io",
                                  "brussels", "vlaanderen", "example", "test"]
    static let domain = try! NSRegularExpression(pattern: #"(?<![\w@./:-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:"#
        + topLevelDomains.sorted { $0.count > $1.count }.joined(separator: "|")
        + #")(?![\w-]|\.\w)(?:/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"’])?"#)
    /// Something that starts like a phone number (+, 00 or 0) and has at least eight digits (one
    /// fewer than a Belgian number, so that a dropped digit is reported, not overlooked).
    static let phone = try! NSRegularExpression(pattern: #"(?<![\w+])(?:\+|0)[0-9](?:[ ./-]?\(?0?\)?[ ./-]?[0-9]){6,16}(?![\w])"#)

    /// Every address in `text`, in text order, each with the kind of fact it is (a bare domain is a URL).
    /// E-mail addresses first, then web addresses, then domains, then phone numbers, none inside another.
    static func matches(in text: String) -> [(range: Range<String.Index>, kind: Kind)] {
        // Most text holds no address at all: look for what each kind needs before running its expression.
        let hints = TextHints(text)
        var candidates: [(NSRegularExpression, Kind)] = []
        if hints.email { candidates.append((email, .email)) }
        if hints.url { candidates.append((url, .url)) }
        if hints.domain { candidates.append((domain, .domain)) }
        if hints.phone { candidates.append((phone, .phone)) }
        guard !candidates.isEmpty else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        var taken: [NSRange] = []
        var found: [(NSRange, Kind)] = []
        for (regex, kind) in candidates {
            for match in regex.matches(in: text, range: range)
            where !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) {
                taken.append(match.range)
                found.append((match.range, kind))
            }
        }
        return found.sorted { $0.0.location < $1.0.location }.compactMap { range, kind in
            Range(range, in: text).map { ($0, kind) }
        }
    }

    enum Kind { case email, url, domain, phone }

    /// `https://` added to an address written without it: `consumerconnect.be`, `www.fsma.be`.
    static func absolute(_ written: String) -> String {
        let lower = written.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? written : "https://" + written
    }

    /// The host a link's text names, if its text is or holds a web address or a domain:
    /// `www.fsma.be` in `[www.fsma.be](https://www.nbb.be)`. An e-mail address names none.
    static func namedHost(in text: String) -> String? {
        // Most link texts are words: without a dot, no address.
        guard text.utf8.contains(UInt8(ascii: ".")) else { return nil }
        guard let match = matches(in: text).first(where: { $0.kind == .url || $0.kind == .domain }) else { return nil }
        return host(of: absolute(String(text[match.range])))
    }

    /// Lowercased, without `www.`: the part of a host that names the site.
    static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Whether a link to `destination` goes where its text says: the named host, or a host under it.
    static func leads(_ destination: String, to named: String) -> Bool {
        guard let host = host(of: destination) else { return false }
        return host == named || host.hasSuffix("." + named)
    }
}
