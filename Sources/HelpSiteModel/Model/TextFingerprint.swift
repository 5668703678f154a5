/// The fingerprint a translation records of the reference text it was made from.
///
/// Reflowing a paragraph changes no word a translator has to revisit, so white space
/// inside a paragraph counts as one space; a blank line (a new paragraph in Markdown)
/// still counts.
package enum TextFingerprint {
    package static func of(_ text: String) -> String {
        Fingerprint.stable(normalised(text)).description
    }

    /// Paragraphs separated by one blank line, each with its white space folded.
    package static func normalised(_ text: String) -> String {
        var paragraphs: [String] = []
        var words: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineWords = line.split(whereSeparator: \.isWhitespace)
            if lineWords.isEmpty {
                if !words.isEmpty { paragraphs.append(words.joined(separator: " ")) }
                words = []
            } else {
                words += lineWords
            }
        }
        if !words.isEmpty { paragraphs.append(words.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }
}
