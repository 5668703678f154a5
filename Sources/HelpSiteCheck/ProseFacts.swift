import Foundation
import HelpSiteModel
import HelpSiteMarkdown

/// Facts written in prose: link destinations, and phone numbers, e-mail addresses, web
/// addresses and domains in the text, found by walking cmark-gfm's tree; and the numbers
/// of the text (`NumberReader`). Each keeps its place, mapped back to the line and column
/// in the YAML file.
struct ProseFacts: Sendable {
    let region: String
    /// Where the documents scanned are kept for the renderer, if anywhere.
    var parses: MarkdownParses? = nil

    /// What a fact in prose turned out to be.
    enum Finding: Sendable {
        case fact(Fact)
        case invalid(written: String, problem: String, location: SourceLocation)
        /// A link whose text names a site (`www.fsma.be`) and that leads to another.
        case misnamed(text: String, host: String, destination: String, location: SourceLocation)
    }

    /// The facts and the numbers of a Markdown text, from one parse.
    func read(_ markdown: Markdown, numbers reader: NumberReader) -> (findings: [Finding], numbers: [Quantity]) {
        let source = markdown.source
        // Without a link (`]`, `<`), an @, a www., :// or a domain, or eight digits close together,
        // Markdown holds no address. Most prose is like that, and needs no parsing for them.
        let hints = TextHints(source)
        let wantsFacts = hints.addresses || hints.link
        // Each text of a verbatim source is a stretch of it: without an address hint in the
        // whole, there is none to look for in its texts (only in its links).
        let wantsTextFacts = wantsFacts && (hints.addresses || !hints.verbatim)
        // Without markup, the numbers are read from the source as it is, each at its exact place.
        // Markup (`**5** werkdagen`, a numbered list) changes what they are: they are read from
        // cmark-gfm's text then, if the source has any at all.
        var numbers: [Quantity] = []
        var wantsNumbers = false
        if !hints.markup {
            var text = SourceText(source, at: markdown.location, lookUp: false)
            numbers = reader.read(source).map { text.quantity($0) }
        } else if !wantsFacts, let ones = reader.wordsForOne(in: source) {
            // Not parsed for its addresses, and without a number to parse it for. A text parsed
            // anyway is glanced at once, in cmark-gfm's text.
            numbers = Array(repeating: Quantity.one(at: markdown.location), count: ones)
        } else {
            wantsNumbers = true
        }
        guard wantsFacts || wantsNumbers else { return ([], numbers) }
        var findings: [Finding] = []
        var locator = Locator(markdown: markdown)
        var stream = ""
        for inline in CommonMark.scan(source, parses: parses) {
            switch inline {
            case .link(let destination, let text):
                if wantsNumbers { Self.append(text, to: &stream) }
                guard wantsFacts else { continue }
                if let named = TextAddresses.namedHost(in: text), !TextAddresses.leads(destination, to: named) {
                    var probe = locator
                    findings.append(.misnamed(text: text, host: named, destination: destination,
                                              location: probe.find(text) ?? markdown.location))
                }
                var written = destination
                var location = locator.find(destination)
                if location == nil, let inText = locator.find(text) {
                    location = inText
                    written = text
                }
                findings += link(destination, written: written, at: location ?? markdown.location)
            case .text(let text):
                if wantsNumbers { Self.append(text, to: &stream) }
                if wantsTextFacts { findings += facts(inText: text, locator: &locator) }
            }
        }
        if wantsNumbers {
            let reads = reader.read(stream)
            // Only a number that may be reported is looked for in the source.
            var text = SourceText(source, at: markdown.location, lookUp: reads.contains(where: \.needsCounterpart))
            numbers = reads.map { text.quantity($0) }
        }
        return (findings, numbers)
    }

    /// Plain text fields (notes, list items) are read the same way as Markdown text.
    func read(plainText text: Located<String>, numbers reader: NumberReader) -> (findings: [Finding], numbers: [Quantity]) {
        var locator = Locator(markdown: Markdown(text.value, at: text.location))
        var source = SourceText(text.value, at: text.location, lookUp: false)
        let numbers = reader.read(text.value).map { source.quantity($0) }
        return (facts(inText: text.value, locator: &locator), numbers)
    }

    /// Joins the pieces cmark-gfm gives of one text (see `NumberReader.boundary`).
    private static func append(_ piece: String, to stream: inout String) {
        // By scalars: `String.last` and `Character.isWhitespace` cost a grapheme break and a property look-up each.
        if let last = stream.unicodeScalars.last, let first = piece.unicodeScalars.first,
           !NumberReader.isSpaceScalar(last), !NumberReader.isSpaceScalar(first) {
            stream.unicodeScalars.append(NumberReader.boundary)
        }
        stream += piece
    }

    /// Schemes that run code or smuggle content in a reader's browser. cmark's safe mode
    /// already drops them from the page; the check says so, so the translator can fix the link.
    static let unsafeSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    private func link(_ destination: String, written: String, at location: SourceLocation) -> [Finding] {
        let lower = LinkScheme.prefix(of: destination)
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

    private func facts(inText text: String, locator: inout Locator) -> [Finding] {
        var findings: [Finding] = []
        for (range, kind) in TextAddresses.matches(in: text) {
            let written = String(text[range])
            let location = locator.find(written) ?? locator.markdown.location
            switch kind {
            case .email:
                if let email = Normal.email(written) { findings.append(.fact(Fact(kind: .email, value: email, written: written, location: location))) }
            case .url, .domain:
                // Written without https:// (`www.fsma.be`, `consumerconnect.be`), an address is read as https.
                if let url = Normal.url(TextAddresses.absolute(written)) {
                    findings.append(.fact(Fact(kind: .url, value: url, written: written, location: location)))
                }
            case .phone:
                switch Normal.phone(written, region: region) {
                case .success(let e164): findings.append(.fact(Fact(kind: .phone, value: e164, written: written, location: location)))
                case .failure(let problem):
                    findings.append(.invalid(written: written, problem: "is not a valid phone number: \(problem)", location: location))
                }
            }
        }
        return findings
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
