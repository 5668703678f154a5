import CStemmer

/// A language's Snowball stemmer, from Debian's libstemmer (2.2): `klachten` → `klacht`.
/// The one place that touches libstemmer.
///
/// The browser stems a query with the JavaScript Snowball generates for the same algorithm
/// (`templates/static/search/stem-<lang>.js`); a word the two stem differently is not found,
/// which `Tests/Browser/test_stemmers.py` guards. Debian's `dutch` is Snowball 3's
/// `dutch_porter`: that is the JavaScript served for Dutch.
///
/// Not safe to share between threads (libstemmer keeps the word being stemmed in the
/// stemmer): each group of pages makes its own.
package final class Stemmer {
    /// Language code → libstemmer's name of its algorithm. A language not listed is indexed
    /// and searched unstemmed (accents and case still folded).
    package static let algorithms = ["nl": "dutch", "fr": "french", "en": "english"]

    /// libstemmer's stemmer; nil for a language without one.
    private let stemmer: OpaquePointer?
    package let algorithm: String?

    package init(language: String) {
        algorithm = Self.algorithms[language]
        // sb_stemmer_new returns NULL for an unknown algorithm or encoding, or when out of memory.
        stemmer = algorithm.flatMap { sb_stemmer_new($0, "UTF_8") }
        precondition(algorithm == nil || stemmer != nil, "libstemmer has no \(algorithm ?? "") stemmer for UTF-8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a lower-case word; the word itself for a language without a stemmer.
    package func stem(_ word: String) -> String {
        guard let stemmer, !word.isEmpty else { return word }
        var word = word
        return word.withUTF8 { bytes in
            // The result is the stemmer's own buffer, valid until the next call: copied at once.
            guard let stemmed = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else {
                fatalError("sb_stemmer_stem: out of memory")
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
    }
}
