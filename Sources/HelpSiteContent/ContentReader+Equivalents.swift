import HelpSiteModel

extension ContentReader {
    /// `place_names:` or `url_variants:` in site.yaml: a list of mappings from
    /// language code to that language's form, each naming the reference language.
    mutating func equivalents(_ fields: Fields, _ key: String, languages: [Language]) -> [FactEquivalents.Entry] {
        let codes = languages.map(\.code)
        let reference = languages.first { $0.isReference }?.code
        var seen: [String: SourceLocation] = [:]
        return list(fields, key, required: false).compactMap { node -> FactEquivalents.Entry? in
            guard let entryFields = self.fields(node, what: "an entry of '\(key)'", keys: codes) else { return nil }
            var entry: FactEquivalents.Entry = [:]
            for code in codes {
                entry[code] = text(entryFields, code, required: false)
            }
            guard let reference else { return nil }
            guard let original = entry[reference] else {
                diagnostics.error("an entry of '\(key)' must give the \(reference) form, which the others are forms of",
                                  at: entryFields.location)
                return nil
            }
            if let first = seen[original.value] {
                diagnostics.error("'\(original.value)' is declared twice in '\(key)'", at: original.location,
                                  notes: [.init("first declared here", at: first)])
            }
            seen[original.value] = seen[original.value] ?? original.location
            return entry
        }
    }
}
