/// The terms a word is indexed under in one language, and a section's terms with their
/// weights. Made per group of pages and language (it holds a `Stemmer`, which is not shared
/// between threads), and remembers each word it has seen.
package final class SearchTerms {
    /// How much a word weighs by where it stands: a section's title, the page's title (in the
    /// page top only), a fact (a phone number, an e-mail address), running text.
    package enum Field {
        static let title = 3.0
        static let page = 2.0
        static let fact = 2.0
        static let text = 1.0
    }

    // BM25's term-frequency part, with a fixed average length: a section's weights never
    // depend on other sections, so a page's terms can be worked out and kept on their own.
    // The rarity of a term (idf) is added in the browser, from the count of sections.
    static let k1 = 1.2, b = 0.75, averageLength = 60.0

    private let stemmer: Stemmer
    /// Word as written → its terms.
    private var known: [Substring: [String]] = [:]
    /// Each word the stemmer was given and what it gave back, when asked to keep them
    /// (`SearchVocabulary`).
    package private(set) var stems: [String: String]?

    package init(language: String, recordingStems: Bool = false) {
        stemmer = Stemmer(language: language)
        stems = recordingStems ? [:] : nil
    }

    /// The terms of one word: its digits for a number; else the stem of the folded word and
    /// the folded stem of the word, once if they are the same. A query meets the page's
    /// word either way, typed with its accents or without (search.js `termsOf`).
    package func terms(of word: Substring) -> [String] {
        if let terms = known[word] { return terms }
        let terms: [String]
        if SearchText.isNumber(word) {
            terms = [String(word)]
        } else {
            let lower = word.utf8.allSatisfy { $0 < 0x80 } ? SearchText.asciiLowercased(String(word)) : String(word).lowercased()
            let folded = stem(SearchText.fold(lower)), stemmedFolded = SearchText.fold(stem(lower))
            terms = folded == stemmedFolded ? [folded] : [folded, stemmedFolded]
        }
        known[word] = terms
        return terms
    }

    /// Every word seen, as written.
    package var words: [Substring] { Array(known.keys) }

    private func stem(_ word: String) -> String {
        let stemmed = stemmer.stem(word)
        stems?[word] = stemmed
        return stemmed
    }

    /// The weighted terms of one section: every word of its fields, each counted with its
    /// field's weight, and its facts as they are. Sorted by the terms' UTF-8 bytes.
    /// - Parameter fields: the texts and the weight of each.
    package func weights(fields: [(text: String, weight: Double)], facts: Set<String>) -> [TermWeight] {
        var frequency: [String: Double] = [:]
        var length = 0
        for (text, weight) in fields {
            for word in SearchText.words(text) {
                length += 1
                for term in terms(of: word) { frequency[term, default: 0] += weight }
            }
        }
        for fact in facts { frequency[fact, default: 0] += Field.fact }
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(length) / Self.averageLength)
        return frequency.map { term, count in
            TermWeight(term: term, weight: UInt8(max(1, (10 * count * (Self.k1 + 1) / (count + norm)).rounded())))
        }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }
}

/// A term of a section and how much it weighs there (1 to 22).
package struct TermWeight: Equatable, Sendable {
    package var term: String
    package var weight: UInt8

    package init(term: String, weight: UInt8) {
        self.term = term
        self.weight = weight
    }
}
