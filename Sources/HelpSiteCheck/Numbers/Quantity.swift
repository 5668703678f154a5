import HelpSiteModel

/// A number written in prose, with the unit written directly after it (or the `€` before
/// it): `5 werkdagen`, `un mois`, `€ 1.000`, `2,5 %`, or a number alone (`artikel 7`).
struct Quantity: Sendable, Hashable {
    /// The units compared across languages; each language's words for them are in `NumberWords`.
    enum Unit: String, Sendable, CaseIterable {
        case workingDays = "working days", days, weeks, months, years, euros, percent
    }

    /// Digits in their plain form: `5`, `1000`, `2.5`.
    var value: String
    var unit: Unit?
    /// Written in digits (`5`), not in words (`vijf`, `un`).
    var inDigits: Bool
    /// Whether the number must have a counterpart in the other language. Digits and a number
    /// word with its unit must; a word without a unit (`twee klachten`, `une plainte`, French
    /// `neuf` that is also "new", Dutch `acht` that is also "heed") only answers a bare number
    /// written in digits in the other language (`2 klachten`), and is never reported by itself.
    var needsCounterpart: Bool
    /// As the translator wrote it, spaces made single: `5 jours ouvrables`.
    var written: String
    var location: SourceLocation
    /// Which text of its part it is in, in the order `ProseRule.texts(of:)` lists them.
    var field = 0

    /// A word for one without a unit (`een klacht`): never reported, so kept without its text or place.
    static func one(at location: SourceLocation) -> Quantity {
        Quantity(value: "1", unit: nil, inDigits: false, needsCounterpart: false, written: "", location: location)
    }

    /// What pairs it with the other language's number: its value and its unit.
    var key: String { value + " " + (unit?.rawValue ?? "") }

    /// `5 working days`, `1 month`, `7`: what the check read, for messages.
    var reading: String {
        guard let unit else { return value }
        let name = unit.rawValue
        return value + " " + (value == "1" && name.hasSuffix("s") ? String(name.dropLast()) : name)
    }
}

/// The numbers of one part of a page (the introduction, a step), in the order they are written.
struct NumberPart: Sendable {
    /// As `ProseRule.texts(of:)` names the part: `the introduction`, `'mediation'`.
    let name: String
    /// Where each text of the part starts.
    let fields: [SourceLocation]
    var quantities: [Quantity]

    /// Where a number of the other language's part would be: the text in the same place of
    /// this part when both list as many texts, else the part's first.
    func place(of field: Int, in other: NumberPart) -> SourceLocation {
        fields.count == other.fields.count && fields.indices.contains(field) ? fields[field] : fields[0]
    }
}
