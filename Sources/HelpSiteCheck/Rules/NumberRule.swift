import HelpSiteModel

/// The numbers written in prose (a deadline, a count, an amount, a percentage) are the same
/// in every language, field by field, each with its unit: `5 werkdagen` is `5 jours ouvrables`
/// and `5 working days`, `één maand` is `un mois` and `one month`. A number that has no
/// counterpart of the same value and unit in the other language's field is reported.
struct NumberRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        // Most pages hold no number that needs a counterpart, in either language.
        func holdsNumbers(_ fields: [NumberField]) -> Bool {
            fields.contains { $0.quantities.contains(where: \.needsCounterpart) }
        }
        guard holdsNumbers(pair.referenceNumbers) || holdsNumbers(pair.translationNumbers) else { return [] }
        let fields = Matched(pair.referenceNumbers, pair.translationNumbers) { $0.key }
        var found: [Diagnostic] = []
        for (reference, translation) in fields.pairs {
            found += compare(reference.quantities, translation.quantities, in: reference.name,
                             at: (reference.location, translation.location), pair)
        }
        // A field one language has and the other has not (a note, a list item): its numbers have no counterpart.
        for reference in fields.missing {
            let nearest = pair.translationNumbers.first { $0.part == reference.part } ?? pair.translationNumbers.first
            let place = nearest?.location ?? SourceLocation(file: pair.translation.file)
            found += compare(reference.quantities, [], in: reference.name, at: (reference.location, place), pair)
        }
        for translation in fields.extra {
            let nearest = pair.referenceNumbers.first { $0.part == translation.part } ?? pair.referenceNumbers.first
            let place = nearest?.location ?? SourceLocation(file: pair.reference.file)
            found += compare([], translation.quantities, in: translation.name, at: (place, translation.location), pair)
        }
        return found
    }

    private func compare(_ reference: [Quantity], _ translation: [Quantity], in name: String,
                         at places: (reference: SourceLocation, translation: SourceLocation), _ pair: PagePair) -> [Diagnostic] {
        let inWords = pair.numbersInWords
        // Without a table of words and units for one of the languages, only digits are compared, by value.
        func key(_ quantity: Quantity) -> String { inWords ? quantity.key : quantity.value }
        func needed(_ quantity: Quantity) -> Bool { inWords ? quantity.needsCounterpart : quantity.inDigits }
        var gone = reference.filter(needed), added = translation.filter(needed)
        var referenceSpare = reference.filter { !needed($0) }, translationSpare = translation.filter { !needed($0) }
        Self.pairOff(&gone, &added) { key($0) == key($1) }
        // A number that needs a counterpart may find it in a number word without a unit (`2 klachten`, `deux plaintes`).
        Self.pairOff(&gone, &translationSpare) { key($0) == key($1) }
        Self.pairOff(&added, &referenceSpare) { key($0) == key($1) }

        // What is left is reported: as one number that differs where the two can be told apart…
        var differing: [(Quantity, Quantity)] = []
        if inWords {
            differing += Self.pairOff(&gone, &added) { $0.unit == $1.unit }
            differing += Self.pairOff(&gone, &added) { $0.value == $1.value }
        }
        if gone.count == added.count {
            differing += zip(gone, added).map { ($0, $1) }
            gone = []
            added = []
        }
        let language = pair.language, referenceLanguage = pair.referenceLanguage
        var found = differing.map { original, number in
            let code = original.unit == number.unit || original.value != number.value ? "fact.number.differs" : "fact.number.unit"
            let reading = inWords && (original.unit != nil || number.unit != nil || !original.inDigits || !number.inDigits)
                ? ": \(number.reading) where \(referenceLanguage) has \(original.reading)" : ""
            return Diagnostic(.error, "number \(number.written) differs from \(referenceLanguage) \(original.written) (\(original.location)) in \(name)\(reading)",
                              at: number.location, code: code, related: [original.location])
        }
        // …and the others as numbers without a counterpart.
        found += gone.map { original in
            Diagnostic(.error, "number \(original.written) in \(name) of \(referenceLanguage) has no counterpart in \(language) (\(original.location))"
                       + explained(original, inWords, missingIn: language), at: places.translation, code: "fact.number.unpaired", related: [original.location])
        }
        found += added.map { number in
            Diagnostic(.error, "number \(number.written) in \(name) has no counterpart in \(referenceLanguage) (\(places.reference))"
                       + explained(number, inWords, missingIn: referenceLanguage), at: number.location, code: "fact.number.unpaired",
                       related: [places.reference])
        }
        return found
    }

    /// `: fr has no 5 working days there`, when what was read is not plain from what was written.
    private func explained(_ quantity: Quantity, _ inWords: Bool, missingIn language: String) -> String {
        inWords && quantity.reading != quantity.written ? ": \(language) has no \(quantity.reading) there" : ""
    }

    /// Removes from both lists, in order, each first pair that `match` accepts, and returns them.
    @discardableResult
    private static func pairOff(_ first: inout [Quantity], _ second: inout [Quantity],
                                _ match: (Quantity, Quantity) -> Bool) -> [(Quantity, Quantity)] {
        var pairs: [(Quantity, Quantity)] = []
        var index = 0
        while index < first.count {
            if let other = second.firstIndex(where: { match(first[index], $0) }) {
                pairs.append((first.remove(at: index), second.remove(at: other)))
            } else {
                index += 1
            }
        }
        return pairs
    }
}
