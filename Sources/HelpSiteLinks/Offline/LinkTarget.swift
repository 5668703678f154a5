import Foundation

/// What a link in a built page points to, decided from its text alone.
package enum LinkTarget: Equatable, Sendable {
    /// A file of the site, relative to the public folder (`fr/plaintes/index.html`),
    /// and the fragment after `#`, percent-decoded; `path` is nil when the file does not exist.
    case internalFile(path: String?, wanted: String, fragment: String?)
    /// Climbs above the public folder with `../`.
    case outside
    /// An `http(s):` address on another site, without its fragment.
    case external(String)
    case mailto(String)
    case tel(String)
    case javascript
    /// `data:`, `ftp:`, `sms:`…: not checked.
    case other(scheme: String)
}

/// Resolves links the way a browser does from the page's own address.
package struct LinkResolver: Sendable {
    package let files: Set<String>
    package let directories: Set<String>
    /// `https://help.example.com/` (and the server a served site is read from):
    /// absolute links under them are links into the site.
    package let siteURLs: [String]

    package func resolve(_ url: String, from page: String) -> LinkTarget {
        if let scheme = Self.scheme(of: url) {
            let rest = String(url.dropFirst(scheme.count + 1))
            switch scheme {
            case "http", "https":
                if let inside = insideSite(rest) { return internalTarget(inside, from: page) }
                return .external(Self.withoutFragment(url))
            case "mailto": return .mailto(rest)
            case "tel": return .tel(rest)
            case "javascript": return .javascript
            default: return .other(scheme: scheme)
            }
        }
        if url.hasPrefix("//") {
            if let inside = insideSite(url) { return internalTarget(inside, from: page) }
            return .external("https:" + Self.withoutFragment(url))
        }
        return internalTarget(url, from: page)
    }

    /// `//help.example.com/fr/plaintes/#x` → `/fr/plaintes/#x` when the base URL is that host.
    private func insideSite(_ rest: String) -> String? {
        for siteURL in siteURLs {
            guard let colon = siteURL.firstIndex(of: ":") else { continue }
            var base = siteURL[siteURL.index(after: colon)...]
            if !base.hasSuffix("/") { base += "/" }
            if rest.lowercased().hasPrefix(base.lowercased()) { return "/" + rest.dropFirst(base.count) }
        }
        return nil
    }

    private func internalTarget(_ url: String, from page: String) -> LinkTarget {
        var reference = Substring(url)
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = Self.decoded(reference[reference.index(after: hash)...])
            reference = reference[..<hash]
        }
        if let question = reference.firstIndex(of: "?") { reference = reference[..<question] }
        let decoded = Self.decoded(reference)
        if decoded.isEmpty { return .internalFile(path: page, wanted: page, fragment: fragment) }

        if let wanted = Self.plainJoin(decoded, from: page) {
            return target(wanted, endsInFolder: wanted.isEmpty || decoded.hasSuffix("/"), fragment: fragment)
        }
        var segments = decoded.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return .outside }
                segments.removeLast()
            default:
                segments.append(String(part))
            }
        }
        let endsInFolder = decoded.hasSuffix("/") || parts.last == "." || parts.last == ".."
        return target(segments.joined(separator: "/"), endsInFolder: endsInFolder, fragment: fragment)
    }

    /// A folder (or a path that is one) means its `index.html`.
    private func target(_ path: String, endsInFolder: Bool, fragment: String?) -> LinkTarget {
        var wanted = path.hasSuffix("/") ? String(path.dropLast()) : path
        if endsInFolder || wanted.isEmpty || directories.contains(wanted) {
            wanted = wanted.isEmpty ? "index.html" : wanted + "/index.html"
        }
        return .internalFile(path: files.contains(wanted) ? wanted : nil, wanted: wanted, fragment: fragment)
    }

    /// The common case without splitting into segments: `/fr/plaintes/` or `../../fr/plaintes/`
    /// with no `.`, `..` or empty segment after the climb; nil for anything else.
    package static func plainJoin(_ reference: String, from page: String) -> String? {
        var base = Substring(page)
        base = base.lastIndex(of: "/").map { base[..<$0] } ?? ""
        var rest = Substring(reference)
        if rest.hasPrefix("/") {
            base = ""
            rest = rest.dropFirst()
        }
        while rest.hasPrefix("../") {
            guard !base.isEmpty else { return nil }
            base = base.lastIndex(of: "/").map { base[..<$0] } ?? ""
            rest = rest.dropFirst(3)
        }
        guard hasOnlyPlainSegments(rest) else { return nil }
        if base.isEmpty { return String(rest) }
        return rest.isEmpty ? String(base) : base + "/" + rest
    }

    /// No empty, `.` or `..` segment, but for the empty one after a final `/`. One pass
    /// over the bytes: Foundation's `contains` on strings costs a tenth of a link check.
    package static func hasOnlyPlainSegments(_ path: Substring) -> Bool {
        var length = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dots == length && dots <= 2) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length == 0 || !(dots == length && dots <= 2)
    }

    /// Whether `url` means the same from every page `depth` folders down: an
    /// absolute URL, or one that climbs exactly to the root (`../../style.css`
    /// from `nl/klachten/index.html`).
    package static func isSameFromDepth(_ url: String, depth: Int) -> Bool {
        if scheme(of: url) != nil { return true }
        guard depth > 0 else { return !url.isEmpty && !url.hasPrefix("#") && !url.hasPrefix("?") }
        var rest = Substring(url)
        for _ in 0..<depth {
            guard rest.hasPrefix("../") else { return false }
            rest = rest.dropFirst(3)
        }
        return !rest.hasPrefix("../") && !rest.hasPrefix("/") && !rest.hasPrefix("#") && !rest.hasPrefix("?")
    }

    /// `mailto`, `https`… lowercased, or nil for a relative reference (RFC 3986:
    /// a letter, then letters, digits, `+`, `-` or `.`, then `:`).
    package static func scheme(of url: String) -> String? {
        var length = 0
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { break }
            let letter = HTMLTokenizer.isLetter(byte), digit = byte >= 0x30 && byte <= 0x39
            guard letter || (length > 0 && (digit || byte == 0x2B || byte == 0x2D || byte == 0x2E)) else { return nil }
            length += 1
        }
        guard length > 0, length < url.utf8.count else { return nil }
        return String(decoding: url.utf8.prefix(length).map(HTMLTokenizer.lowercased), as: UTF8.self)
    }

    /// Percent-decoding, skipped when there is nothing to decode.
    package static func decoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }

    package static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
