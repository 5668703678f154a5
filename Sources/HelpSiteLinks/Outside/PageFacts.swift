import Foundation
import HelpSiteModel

/// The facts an outside page shows, in the forms `ExpectedFact` compares: phone numbers
/// and e-mail addresses found in its text and in its `tel:` and `mailto:` links, in their
/// normal form; its words for postal codes, streets and cities. So `02 545 77 70`,
/// `+32 (0)2 545 77 70` and `tel:+3225457770` are one number, and `B-1000` holds `1000`.
package struct PageFacts: Sendable {
    private var phones: Set<String> = []
    private var emails: Set<String> = []
    private var urls: Set<String> = []
    /// Runs of letters and digits, upper case.
    private var tokens: Set<String> = []
    /// The text folded (`Folded`), with a space at each end.
    private var folded = ""

    package init(html bytes: [UInt8], url: String, region: String) {
        let text = HTMLText(bytes).text
        var hrefs: [String] = []
        HTMLTokenizer.forEachStartTag(in: bytes, keeping: ["href"]) { tag in
            if let href = tag["href"] { hrefs.append(href) }
        }
        for href in hrefs {
            let lower = href.lowercased()
            if lower.hasPrefix("tel:"), case .success(let e164) = Normal.phone(href, region: region) { phones.insert(e164) }
            if lower.hasPrefix("mailto:"), let address = Normal.email(String(href.split(separator: "?").first ?? "")) { emails.insert(address) }
            if let absolute = URL(string: href, relativeTo: URL(string: url))?.absoluteString, let normal = Normal.url(absolute) { urls.insert(normal) }
        }
        for candidate in Self.phoneCandidates(in: text) {
            if case .success(let e164) = Normal.phone(candidate, region: region) { phones.insert(e164) }
        }
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>()[],;\"'".contains($0) }) {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            if trimmed.contains("@"), let address = Normal.email(trimmed) { emails.insert(address) }
            if trimmed.contains("."), let normal = Normal.url(trimmed.contains("://") ? trimmed : "https://" + trimmed) { urls.insert(normal) }
        }
        tokens = Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { $0.uppercased() })
        folded = " " + Self.fold(text) + " "
    }

    package func shows(_ fact: ExpectedFact) -> Bool {
        switch fact.kind {
        case .phone(let e164): return phones.contains(e164)
        case .email(let address): return emails.contains(address)
        case .url(let url): return urls.contains(url) || urls.contains(url.hasSuffix("/") ? String(url.dropLast()) : url + "/")
        case .postalCode(let code): return tokens.contains(code)
        case .city(let forms): return forms.contains { folded.contains(" " + Self.fold($0) + " ") }
        case .street(let forms, let number):
            // The number beside the street, after it (`Koning Albert II-laan 8`) or before it (`8, rue …`).
            let number = " " + Self.fold(number) + " "
            return forms.contains { form in
                let street = " " + Self.fold(form) + " "
                var from = folded.startIndex
                while let found = folded.range(of: street, range: from..<folded.endIndex) {
                    let after = folded[found.upperBound...].prefix(12), before = folded[..<found.lowerBound].suffix(12)
                    if (" " + after).hasPrefix(number) || (before + " ").hasSuffix(number) { return true }
                    from = folded.index(after: found.lowerBound)
                }
                return false
            }
        }
    }

    /// Lower case, accents dropped, every run of what is not a letter or digit one space:
    /// `Koning Albert II-laan` and `koning albert ii laan` are the same words.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// Runs that may be phone numbers: a `+` or digit, then digits, spaces, dots, slashes,
    /// hyphens and brackets, with 8 to 15 digits in all.
    static func phoneCandidates(in text: String) -> [String] {
        var candidates: [String] = []
        var current = ""
        func flush() {
            let digits = current.filter(\.isNumber).count
            if (8...15).contains(digits) { candidates.append(current.replacingOccurrences(of: "(0)", with: "")) }
            current = ""
        }
        for character in text {
            if character.isNumber || (character == "+" && current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty, " ./-()\u{A0}".contains(character) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return candidates.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ./-(\u{A0}")) }
    }
}
