import HelpSiteModel

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
    // `@exclusivity(unchecked)`: these are read and written once per word of every text, and a
    // run-time exclusivity check on each access cost 2 % of a cold build's instructions. Only
    // this object's own methods touch them, one at a time (it is not shared between threads).
    /// Word as written → the numbers of its terms (in `terms`): one look-up per word of text.
    @exclusivity(unchecked) private var known = WordTable<TermNumbers>()
    /// Each term met, by its number; `numbered` gives a term its number.
    @exclusivity(unchecked) private var names: [String] = []
    @exclusivity(unchecked) private var numbered: [String: Int32] = [:]
    /// A section's count of each term by its number, and the numbers it has counted, in the
    /// order it met them: reset after each section.
    @exclusivity(unchecked) private var counts: [Double] = []
    @exclusivity(unchecked) private var counted: [Int32] = []
    /// Each word the stemmer was given and what it gave back, when asked to keep them
    /// (`SearchVocabulary`).
    package private(set) var stems: [String: String]?

    /// The one or two terms of a word.
    private struct TermNumbers {
        var first: Int32
        var second: Int32 = -1
    }

    package init(language: String, recordingStems: Bool = false) {
        stemmer = Stemmer(language: language)
        stems = recordingStems ? [:] : nil
    }

    /// The terms of one word: its digits for a number; else the stem of the folded word and
    /// the folded stem of the word, once if they are the same. A query meets the page's
    /// word either way, typed with its accents or without (search.js `termsOf`).
    package func terms(of word: String) -> [String] {
        let found = numbers(of: word)
        return [names[Int(found.first)]] + (found.second >= 0 ? [names[Int(found.second)]] : [])
    }

    private func numbers(of word: String) -> TermNumbers {
        var word = word
        return word.withUTF8 { numbers(of: $0, hash: WordTable<TermNumbers>.hash($0)) }
    }

    private func numbers(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> TermNumbers {
        if let found = known.value(of: bytes, hash: hash) { return found }
        let word = String(decoding: bytes, as: UTF8.self)
        var found: TermNumbers
        if SearchText.isNumber(word) {
            found = TermNumbers(first: number(of: word))
        } else {
            let lower = word.utf8.allSatisfy { $0 < 0x80 } ? SearchText.asciiLowercased(word) : word.lowercased()
            let folded = stem(SearchText.fold(lower)), stemmedFolded = SearchText.fold(stem(lower))
            found = TermNumbers(first: number(of: folded))
            if stemmedFolded != folded { found.second = number(of: stemmedFolded) }
        }
        known.insert(bytes, hash: hash, value: found)
        return found
    }

    private func number(of term: String) -> Int32 {
        if let number = numbered[term] { return number }
        let number = Int32(names.count)
        names.append(term)
        numbered[term] = number
        counts.append(0)
        return number
    }

    /// Every term numbered so far, by its number.
    package var terms: [String] { names }

    /// The terms of a section by name.
    package func named(_ terms: [SectionTerm]) -> [TermWeight] {
        terms.map { TermWeight(term: names[Int($0.term)], weight: $0.weight) }
    }

    /// Every word seen, as written.
    package var words: [String] { known.words }

    private func stem(_ word: String) -> String {
        let stemmed = stemmer.stem(word)
        stems?[word] = stemmed
        return stemmed
    }

    /// The weighted terms of one section: every word of its fields, each counted with its
    /// field's weight, and its facts as they are; in the order the section first has them.
    /// - Parameter fields: the texts and the weight of each.
    package func weights(fields: [(text: String, weight: Double)], facts: Set<String>) -> [SectionTerm] {
        var length = 0
        func count(_ term: Int32, _ weight: Double) {
            if counts[Int(term)] == 0 { counted.append(term) }
            counts[Int(term)] += weight
        }
        for (text, weight) in fields {
            SearchText.forEachWordBytes(in: text) { word in
                length += 1
                let found = numbers(of: word, hash: WordTable<TermNumbers>.hash(word))
                count(found.first, weight)
                if found.second >= 0 { count(found.second, weight) }
            }
        }
        // Sorted, so that the same facts give the same order whatever the set's.
        for fact in facts.sorted(by: UTF8Text.precedes) { count(number(of: fact), Field.fact) }
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(length) / Self.averageLength)
        defer {
            for term in counted { counts[Int(term)] = 0 }
            counted.removeAll(keepingCapacity: true)
        }
        return counted.map { term in
            let count = counts[Int(term)]
            return SectionTerm(term: term, weight: UInt8(max(1, (10 * count * (Self.k1 + 1) / (count + norm)).rounded())))
        }
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
