import HelpSiteModel

/// Every word of a site's index with what the build did to it: each word given to
/// libstemmer and the stem it gave back, and each word that folding changes beyond its case,
/// folded. Made by the same path as the index (`SearchRecords`, `SearchTerms`), for
/// `helpsite search-vocabulary`, which `Tests/Browser/test_stemmers.py` reads to prove that
/// the browser's `stem-<lang>.js` and `fold` do to each word what the build did.
package enum SearchVocabulary {
    package struct Language: Sendable {
        package var code: String
        /// libstemmer's algorithm, nil for a language without one.
        package var algorithm: String?
        /// Word given to the stemmer → its stem.
        package var stems: [String: String]
        /// Word as written → folded, for the words with a letter beyond ASCII.
        package var folds: [String: String]
    }

    package static func of(_ site: Site) -> [Language] {
        site.languages.map { content in
            let code = content.language.code
            let terms = SearchTerms(language: code, recordingStems: true)
            var language = site
            language.languages = [content]
            _ = SearchRecords(settings: site.settings).records(of: language, terms: [code: terms])
            let folds = terms.words.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.map { (String($0), SearchText.fold(String($0))) }
            return Language(code: code, algorithm: Stemmer.algorithms[code], stems: terms.stems ?? [:],
                            folds: Dictionary(folds, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// `{"nl":{"algorithm":"dutch","folds":{…},"stems":{…}},…}`
    package static func json(_ languages: [Language]) -> String {
        JSONText.encode(.object(languages.map { language in
            (language.code, JSONValue.object([
                ("algorithm", language.algorithm.map { .string($0) } ?? .bool(false)),
                ("stems", .object(language.stems.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("folds", .object(language.folds.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ]))
        }))
    }
}
