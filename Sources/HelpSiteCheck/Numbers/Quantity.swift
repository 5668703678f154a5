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

/// The numbers of one text field of a page, in the order they are written.
struct NumberField: Sendable {
    /// Stable across languages: `commitments`, `steps.mediation.body`, `checklist.items.2`.
    let key: String
    /// How messages name it: `the commitments`, `the text of 'mediation'`.
    let name: String
    /// The part of the page it is in, as `ProseField.part` names it.
    let part: String
    let location: SourceLocation
    var quantities: [Quantity]
}
