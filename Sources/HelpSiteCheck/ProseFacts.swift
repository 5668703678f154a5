import Foundation
import HelpSiteModel
import HelpSiteMarkdown

/// Facts written in prose: link destinations, and phone numbers, e-mail
/// addresses and web addresses in the text, found by walking cmark-gfm's tree.
/// Each keeps its place, mapped back to the line and column in the YAML file.
struct ProseFacts: Sendable {
    let region: String
    /// Where the documents scanned are kept for the renderer, if anywhere.
    var parses: MarkdownParses? = nil

    /// What a fact in prose turned out to be.
    enum Finding: Sendable {
        case fact(Fact)
        case invalid(written: String, problem: String, location: SourceLocation)
    }

    func facts(in markdown: Markdown) -> [Finding] {
        // Without a link (`]`, `<`), an @, a www. or ://, or eight digits close together,
        // Markdown holds no fact: most prose is like that, and needs no parsing.
        let hints = Self.hints(markdown.source)
        guard hints.email || hints.url || hints.phone || hints.link else { return [] }
        var findings: [Finding] = []
        var locator = Locator(markdown: markdown)
        for inline in CommonMark.scan(markdown.source, parses: parses) {
            switch inline {
            case .link(let destination, let text):
                var written = destination
                var location = locator.find(destination)
                if location == nil, let inText = locator.find(text) {
                    location = inText
                    written = text
                }
                findings += link(destination, written: written, at: location ?? markdown.location)
            case .text(let text):
                findings += facts(inText: text, locator: &locator)
            }
        }
        return findings
    }

    /// Plain text fields (notes, list items) are scanned the same way as Markdown text.
    func facts(inPlainText text: Located<String>) -> [Finding] {
        var locator = Locator(markdown: Markdown(text.value, at: text.location))
        return facts(inText: text.value, locator: &locator)
    }

    /// Schemes that run code or smuggle content in a reader's browser. cmark's safe mode
    /// already drops them from the page; the check says so, so the translator can fix the link.
    static let unsafeSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    private func link(_ destination: String, written: String, at location: SourceLocation) -> [Finding] {
        let lower = destination.lowercased().filter { !$0.isWhitespace }
        if let scheme = Self.unsafeSchemes.first(where: lower.hasPrefix) {
            return [.invalid(written: written, problem: "is a \(scheme) link, which is never allowed; link to an https:// page", location: location)]
        }
        if lower.hasPrefix("mailto:") {
            guard let email = Normal.email(destination) else {
                return [.invalid(written: written, problem: "is not an e-mail address", location: location)]
            }
            return [.fact(Fact(kind: .email, value: email, written: written, location: location))]
        }
        if lower.hasPrefix("tel:") {
            switch Normal.phone(destination, region: region) {
            case .success(let e164): return [.fact(Fact(kind: .phone, value: e164, written: written, location: location))]
            case .failure(let problem): return [.invalid(written: written, problem: "is not a valid phone number: \(problem)", location: location)]
            }
        }
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") {
            guard let url = Normal.url(destination) else {
                return [.invalid(written: written, problem: "is not a valid web address", location: location)]
            }
            return [.fact(Fact(kind: .url, value: url, written: written, location: location))]
        }
        return [] // links inside the site, anchors: the link checker's business
    }

    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    private static let url = try! NSRegularExpression(pattern: #"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"’]"#)
    /// Something that starts like a phone number (+, 00 or 0) and has at least eight digits (one
    /// fewer than a Belgian number, so that a dropped digit is reported, not overlooked).
    private static let phone = try! NSRegularExpression(pattern: #"(?<![\w+])(?:\+|0)[0-9](?:[ ./-]?\(?0?\)?[ ./-]?[0-9]){6,16}(?![\w])"#)

    private func facts(inText text: String, locator: inout Locator) -> [Finding] {
        var findings: [Finding] = []
        for (written, kind) in matches(in: text) {
            let location = locator.find(written) ?? locator.markdown.location
            switch kind {
            case .email:
                if let email = Normal.email(written) { findings.append(.fact(Fact(kind: .email, value: email, written: written, location: location))) }
            case .url:
                let absolute = written.lowercased().hasPrefix("www.") ? "http://" + written : written
                if let url = Normal.url(absolute) { findings.append(.fact(Fact(kind: .url, value: url, written: written, location: location))) }
            default:
                switch Normal.phone(written, region: region) {
                case .success(let e164): findings.append(.fact(Fact(kind: .phone, value: e164, written: written, location: location)))
                case .failure(let problem):
                    findings.append(.invalid(written: written, problem: "is not a valid phone number: \(problem)", location: location))
                }
            }
        }
        return findings
    }

    /// In one pass over the bytes: an `@`, a `www.` or `://`, and eight digits close
    /// together (a phone number's least) are what each kind of fact needs; a `]` or `<`
    /// may close a Markdown link.
    private static func hints(_ text: String) -> (email: Bool, url: Bool, phone: Bool, link: Bool) {
        var text = text
        // Over the string's own UTF-8 buffer: iterating `utf8` costs several times more.
        return text.withUTF8 { bytes in
            var email = false, url = false, phone = false, link = false
            var digits = 0
            var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "@"): email = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    if digits >= 8 { phone = true }
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"): break
                case UInt8(ascii: "."):
                    if previous == (UInt8(ascii: "w"), UInt8(ascii: "w"), UInt8(ascii: "w")) { url = true }
                case UInt8(ascii: "/"):
                    if previous.1 == UInt8(ascii: ":"), previous.2 == UInt8(ascii: "/") { url = true }
                case UInt8(ascii: "]"), UInt8(ascii: "<"):
                    link = true
                    digits = 0
                default: digits = 0
                }
                previous = (previous.1, previous.2, byte)
            }
            return (email, url, phone, link)
        }
    }

    /// E-mail addresses, then web addresses outside them, then phone numbers, in text order.
    private func matches(in text: String) -> [(String, Fact.Kind)] {
        // Most text holds no fact at all: look for what each kind needs before running its expression.
        let hints = Self.hints(text)
        var candidates: [(NSRegularExpression, Fact.Kind)] = []
        if hints.email { candidates.append((Self.email, .email)) }
        if hints.url { candidates.append((Self.url, .url)) }
        if hints.phone { candidates.append((Self.phone, .phone)) }
        guard !candidates.isEmpty else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        var taken: [NSRange] = []
        var found: [(NSRange, Fact.Kind)] = []
        for (regex, kind) in candidates {
            for match in regex.matches(in: text, range: range)
            where !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) {
                taken.append(match.range)
                found.append((match.range, kind))
            }
        }
        return found.sorted { $0.0.location < $1.0.location }.compactMap { range, kind in
            Range(range, in: text).map { (String(text[$0]), kind) }
        }
    }
}

/// Finds written text in a Markdown field, moving forward so that a fact
/// written twice is found at each of its places in turn. Works on the bytes:
/// a search by Characters (or the generic searcher) costs many times more.
struct Locator {
    let markdown: Markdown
    private let bytes: [UInt8]
    private var searchFrom = 0

    init(markdown: Markdown) {
        self.markdown = markdown
        bytes = Array(markdown.source.utf8)
    }

    mutating func find(_ written: String) -> SourceLocation? {
        let needle = Array(written.utf8)
        guard !needle.isEmpty, let start = firstOffset(of: needle, from: searchFrom) ?? firstOffset(of: needle, from: 0) else {
            return nil
        }
        searchFrom = start + needle.count
        var line = 0, lineStart = 0
        for offset in 0..<start where bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        // Columns count Unicode scalars, as libyaml's do: every byte but UTF-8's continuation bytes.
        let column = bytes[lineStart..<start].count { $0 & 0xC0 != 0x80 }
        // Each line of a block scalar starts at the block's indentation: the first line's column.
        return SourceLocation(file: markdown.location.file, line: markdown.location.line + line,
                              column: markdown.location.column + column)
    }

    private func firstOffset(of needle: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
