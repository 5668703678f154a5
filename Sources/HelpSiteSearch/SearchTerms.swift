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
    /// What the terms have met so far. A struct, moved out of the object while a section is
    /// weighed: a stored property of a class read or written once per word cost a run-time
    /// exclusivity check each time (2 % of a cold build's instructions).
    private var state: State
    /// Each word the stemmer was given and what it gave back, when asked to keep them
    /// (`SearchVocabulary`).
    package var stems: [String: String]? { state.stems }

    /// The one or two terms of a word.
    private struct TermNumbers {
        var first: Int32
        var second: Int32 = -1
    }

    private struct State {
        /// Word as written → the numbers of its terms (in `names`): one look-up per word of text.
        var known = WordTable<TermNumbers>()
        /// Each term met, by its number; `numbered` gives a term its number.
        var names: [String] = []
        var numbered: [String: Int32] = [:]
        /// A section's count of each term by its number, and the numbers it has counted, in the
        /// order it met them: reset after each section.
        var counts: [Double] = []
        var counted: [Int32] = []
        var stems: [String: String]?

        mutating func numbers(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, stemmer: Stemmer) -> TermNumbers {
            if let found = known.value(of: bytes, hash: hash) { return found }
            let word = String(decoding: bytes, as: UTF8.self)
            var found: TermNumbers
            if SearchText.isNumber(word) {
                found = TermNumbers(first: number(of: word))
            } else {
                let lower = word.utf8.allSatisfy { $0 < 0x80 } ? SearchText.asciiLowercased(word) : word.lowercased()
                let folded = stem(SearchText.fold(lower), stemmer), stemmedFolded = SearchText.fold(stem(lower, stemmer))
                found = TermNumbers(first: number(of: folded))
                if stemmedFolded != folded { found.second = number(of: stemmedFolded) }
            }
            known.insert(bytes, hash: hash, value: found)
            return found
        }

        mutating func number(of term: String) -> Int32 {
            if let number = numbered[term] { return number }
            let number = Int32(names.count)
            names.append(term)
            numbered[term] = number
            counts.append(0)
            return number
        }

        mutating func count(_ term: Int32, _ weight: Double) {
            if counts[Int(term)] == 0 { counted.append(term) }
            counts[Int(term)] += weight
        }

        private mutating func stem(_ word: String, _ stemmer: Stemmer) -> String {
            let stemmed = stemmer.stem(word)
            stems?[word] = stemmed
            return stemmed
        }
    }

    package init(language: String, recordingStems: Bool = false) {
        stemmer = Stemmer(language: language)
        state = State(stems: recordingStems ? [:] : nil)
    }

    /// The terms of one word: its digits for a number; else the stem of the folded word and
    /// the folded stem of the word, once if they are the same. A query meets the page's
    /// word either way, typed with its accents or without (search.js `termsOf`).
    package func terms(of word: String) -> [String] {
        var word = word
        let found = word.withUTF8 { state.numbers(of: $0, hash: WordTable<TermNumbers>.hash($0), stemmer: stemmer) }
        return [state.names[Int(found.first)]] + (found.second >= 0 ? [state.names[Int(found.second)]] : [])
    }

    /// Every term numbered so far, by its number.
    package var terms: [String] { state.names }

    /// The terms of a section by name.
    package func named(_ terms: [SectionTerm]) -> [TermWeight] {
        let names = state.names
        return terms.map { TermWeight(term: names[Int($0.term)], weight: $0.weight) }
    }

    /// Every word seen, as written.
    package var words: [String] { state.known.words }

    /// The weighted terms of one section: every word of its fields, each counted with its
    /// field's weight, and its facts as they are; in the order the section first has them.
    /// - Parameter fields: the texts and the weight of each.
    package func weights(fields: [(text: String, weight: Double)], facts: Set<String>) -> [SectionTerm] {
        var state = self.state
        self.state = State() // the arrays and tables now referenced once: changed in place
        defer { self.state = state }
        var length = 0
        let stemmer = self.stemmer
        for (text, weight) in fields {
            SearchText.forEachWordBytes(in: text) { word in
                length += 1
                let found = state.numbers(of: word, hash: WordTable<TermNumbers>.hash(word), stemmer: stemmer)
                state.count(found.first, weight)
                if found.second >= 0 { state.count(found.second, weight) }
            }
        }
        // Sorted, so that the same facts give the same order whatever the set's.
        for fact in facts.sorted(by: UTF8Text.precedes) { state.count(state.number(of: fact), Field.fact) }
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(length) / Self.averageLength)
        let weighed = state.counted.map { term in
            let count = state.counts[Int(term)]
            return SectionTerm(term: term, weight: UInt8(max(1, (10 * count * (Self.k1 + 1) / (count + norm)).rounded())))
        }
        for term in state.counted { state.counts[Int(term)] = 0 }
        state.counted.removeAll(keepingCapacity: true)
        return weighed
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
