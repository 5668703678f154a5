/// What the number reader knows of one language: how it writes numbers in words, the
/// words of the units it compares, and how it groups digits. A language without a
/// table (`helpsite new-language de`) has its digits read and compared, without units.
struct NumberWords: Sendable {
    /// Words that are always a number: `twee`, `deux`, `two` … `twaalf`, `douze`, `twelve`.
    let numbers: [String: Int]
    /// Words for one that are also the article or a pronoun (`een`, `één`, `un`, `une`, `one`):
    /// a number only when a unit follows them directly (`één maand`, `un mois`, `one month`).
    let ones: Set<String>
    /// English `a` and `an`: one, directly before a unit (`within a month`), unless they
    /// make a rate (`twice a month`, `€5 a month`; see `rateWords`).
    let articles: Set<String>
    /// Words that make the `a` after them a rate: `once a year`, `three times a week`.
    let rateWords: Set<String>
    /// Tens and larger (`twintig`, `vingt`, `hundred`): a number word beside one of them, through a
    /// hyphen, a space or `et`/`and` (`twenty-one`, `vingt et un`, `deux cents`), is part of a number
    /// above twelve, which the reader does not read in words.
    let compounds: Set<String>
    let conjunctions: Set<String>
    /// A number beside a month (`1 januari`, `January 1`) is the day of a date, and not read.
    let months: Set<String>
    /// Unit phrases, each a list of words, longest first.
    let units: [(words: [String], unit: Quantity.Unit)]
    /// Characters between groups of three digits (`1.000`, `1 000`, `1,000`). A point or comma
    /// not followed by a group of three is read as a decimal separator, in every language (`2,5`, `2.5`).
    let grouping: Set<Unicode.Scalar>

    /// Every word of the tables; a word of a text that is none of them is not looked at further.
    var vocabulary: Set<String> {
        Set(numbers.keys).union(ones).union(articles).union(rateWords).union(compounds).union(conjunctions).union(months)
            .union(units.flatMap(\.words))
    }

    static func of(_ language: String) -> NumberWords? {
        switch language.split(separator: "-").first.map({ $0.lowercased() }) {
        case "nl": dutch
        case "fr": french
        case "en": english
        default: nil
        }
    }

    /// For a language without a table: digits only, grouped as nowhere else (`1.000,5` and
    /// `1,000.5` alike are read as far as the first separator that is not followed by three digits).
    static let digitsOnly = NumberWords(numbers: [:], ones: [], articles: [], rateWords: [], compounds: [], conjunctions: [], months: [], units: [],
                                        grouping: [".", ",", "\u{A0}", "\u{202F}"])

    static let dutch = NumberWords(
        numbers: ["twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
                  "tien": 10, "elf": 11, "twaalf": 12],
        ones: ["één", "eén", "een"], articles: [], rateWords: [],
        compounds: ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd", "duizend",
                    "miljoen", "miljard"],
        conjunctions: [],
        months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
                 "december"],
        units: table([
            (["werkdag"], .workingDays), (["werkdagen"], .workingDays),
            (["kalenderdag"], .days), (["kalenderdagen"], .days), (["dag"], .days), (["dagen"], .days),
            (["week"], .weeks), (["weken"], .weeks), (["maand"], .months), (["maanden"], .months),
            (["jaar"], .years), (["jaren"], .years),
            (["euro"], .euros), (["eur"], .euros), (["€"], .euros),
            (["procent"], .percent), (["percent"], .percent), (["%"], .percent),
        ]),
        grouping: ["."])

    static let french = NumberWords(
        numbers: ["deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
                  "dix": 10, "onze": 11, "douze": 12],
        ones: ["un", "une"], articles: [], rateWords: [],
        compounds: ["vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "septante", "octante", "huitante", "nonante",
                    "cent", "cents", "mille", "million", "millions", "milliard", "milliards"],
        conjunctions: ["et"],
        months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                 "décembre"],
        units: table([
            (["jour", "ouvrable"], .workingDays), (["jours", "ouvrables"], .workingDays),
            (["jour", "ouvré"], .workingDays), (["jours", "ouvrés"], .workingDays),
            (["jours", "calendrier"], .days), (["jours", "calendaires"], .days),
            (["jour"], .days), (["jours"], .days), (["semaine"], .weeks), (["semaines"], .weeks),
            (["mois"], .months), (["an"], .years), (["ans"], .years), (["année"], .years), (["années"], .years),
            (["euro"], .euros), (["euros"], .euros), (["eur"], .euros), (["€"], .euros),
            (["pour", "cent"], .percent), (["pourcent"], .percent), (["%"], .percent),
        ]),
        // Belgian French groups with a point as often as with a space.
        grouping: [".", " ", "\u{A0}", "\u{202F}"])

    static let english = NumberWords(
        numbers: ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "eleven": 11, "twelve": 12],
        ones: ["one"], articles: ["a", "an"], rateWords: ["once", "twice", "thrice", "times"],
        compounds: ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                    "million", "billion"],
        conjunctions: ["and"],
        months: ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                 "december"],
        units: table([
            (["working", "day"], .workingDays), (["working", "days"], .workingDays),
            (["business", "day"], .workingDays), (["business", "days"], .workingDays),
            (["calendar", "day"], .days), (["calendar", "days"], .days),
            (["day"], .days), (["days"], .days), (["week"], .weeks), (["weeks"], .weeks),
            (["month"], .months), (["months"], .months), (["year"], .years), (["years"], .years),
            (["euro"], .euros), (["euros"], .euros), (["eur"], .euros), (["€"], .euros),
            (["percent"], .percent), (["per", "cent"], .percent), (["%"], .percent),
        ]),
        grouping: [","])

    private static func table(_ entries: [([String], Quantity.Unit)]) -> [(words: [String], unit: Quantity.Unit)] {
        entries.map { (words: $0.0, unit: $0.1) }.sorted { $0.words.count > $1.words.count }
    }
}
