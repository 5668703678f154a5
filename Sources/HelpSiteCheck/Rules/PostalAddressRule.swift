import HelpSiteModel

/// Postal code, number, box and building identical; street and city the same
/// or a name of it declared once in site.yaml.
struct PostalAddressRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        pair.blocks.flatMap { original, translated -> [Diagnostic] in
            guard let expected = original.address, let actual = translated.address else { return [] }
            var found: [Diagnostic] = []
            found += identical(.postalCode, expected.postalCode, actual.postalCode, pair)
            found += identical(.number, expected.number, actual.number, pair)
            found += optional(.box, expected.box, actual.box, near: actual.number.location, pair)
            found += optional(.building, expected.building, actual.building, near: actual.location, pair)
            found += placeName(.street, expected.street, actual.street, pair)
            found += placeName(.city, expected.city, actual.city, pair)
            return found
        }
    }

    private func identical(_ kind: Fact.Kind, _ expected: Located<String>, _ actual: Located<String>, _ pair: PagePair) -> [Diagnostic] {
        guard expected.value != actual.value else { return [] }
        return [pair.differs(kind, actual.value, at: actual.location, from: expected.value, at: expected.location)]
    }

    private func optional(_ kind: Fact.Kind, _ expected: Located<String>?, _ actual: Located<String>?, near: SourceLocation,
                          _ pair: PagePair) -> [Diagnostic] {
        switch (expected, actual) {
        case (let expected?, let actual?): identical(kind, expected, actual, pair)
        case (let expected?, nil): [pair.missing("\(kind.name) \(expected.value)", at: near, original: expected.location)]
        case (nil, let actual?): [pair.extra("\(kind.name) \(actual.value)", at: actual.location)]
        case (nil, nil): []
        }
    }

    private func placeName(_ kind: Fact.Kind, _ expected: Located<String>, _ actual: Located<String>, _ pair: PagePair) -> [Diagnostic] {
        guard expected.value != actual.value else { return [] }
        let names = pair.equivalents.placeNames
        if let entry = pair.equivalents.entry(in: names, reference: pair.referenceLanguage, value: expected.value) {
            guard let declared = entry[pair.language] else {
                return [pair.differs(kind, "'\(actual.value)'", at: actual.location, from: "'\(expected.value)'", at: expected.location,
                                     hint: "; site.yaml declares no \(pair.language) name for it")]
            }
            guard declared.value != actual.value else { return [] }
            return [pair.differs(kind, "'\(actual.value)'", at: actual.location, from: "'\(expected.value)'", at: expected.location,
                                 hint: "; its \(pair.language) name is '\(declared.value)' (\(declared.location))")]
        }
        let asReference = pair.referenceForm(of: actual.value, in: names)
        if asReference != actual.value {
            return [pair.differs(kind, "'\(actual.value)'", at: actual.location, from: "'\(expected.value)'", at: expected.location,
                                 hint: "; '\(actual.value)' is the \(pair.language) name of '\(asReference)'")]
        }
        return [Diagnostic(
            .error, "\(kind.name) '\(actual.value)' is not \(pair.referenceLanguage) '\(expected.value)' (\(expected.location)) nor a declared name of it; correct it, or declare the \(pair.language) name once under place_names in site.yaml",
            at: actual.location, code: .factUndeclared, related: [expected.location])]
    }
}
