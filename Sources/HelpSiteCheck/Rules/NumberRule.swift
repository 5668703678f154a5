import HelpSiteModel

/// The numbers written in prose (a deadline, a count, an amount, a percentage) are the same
/// in every language, part by part of the page (the introduction, each step, the insurance
/// section), each with its unit: `5 werkdagen` is `5 jours ouvrables` and `5 working days`,
/// `één maand` is `un mois` and `one month`. A number that has no counterpart of the same
/// value and unit in the same part of the other language is reported.
struct NumberRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        // Most pages hold no number that needs a counterpart, in either language.
        func holdsNumbers(_ parts: [NumberPart]) -> Bool {
            parts.contains { $0.quantities.contains(where: \.needsCounterpart) }
        }
        guard holdsNumbers(pair.referenceNumbers) || holdsNumbers(pair.translationNumbers) else { return [] }
        // A part one language has and the other has not is the structure rule's finding.
        let parts = Matched(pair.referenceNumbers, pair.translationNumbers) { $0.name }
        return parts.pairs.flatMap { reference, translation in
            compare(reference, translation, pair)
        }
    }

    private func compare(_ referencePart: NumberPart, _ translationPart: NumberPart, _ pair: PagePair) -> [Diagnostic] {
        let reference = referencePart.quantities, translation = translationPart.quantities
        let name = "the text of \(referencePart.name)"
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
            let code: DiagnosticCode = original.unit == number.unit || original.value != number.value ? .factNumberDiffers : .factNumberUnit
            let reading = inWords && (original.unit != nil || number.unit != nil || !original.inDigits || !number.inDigits)
                ? ": \(number.reading) where \(referenceLanguage) has \(original.reading)" : ""
            return Diagnostic(.error, "number \(number.written) differs from \(referenceLanguage) \(original.written) (\(original.location)) in \(name)\(reading)",
                              at: number.location, code: code, related: [original.location])
        }
        // …and the others as numbers without a counterpart.
        found += gone.map { original in
            Diagnostic(.error, "number \(original.written) in \(name) of \(referenceLanguage) has no counterpart in \(language) (\(original.location))"
                       + explained(original, inWords, missingIn: language), at: translationPart.place(of: original.field, in: referencePart),
                       code: .factNumberUnpaired, related: [original.location])
        }
        found += added.map { number in
            let place = referencePart.place(of: number.field, in: translationPart)
            return Diagnostic(.error, "number \(number.written) in \(name) has no counterpart in \(referenceLanguage) (\(place))"
                              + explained(number, inWords, missingIn: referenceLanguage), at: number.location, code: .factNumberUnpaired,
                              related: [place])
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
