import Testing
@testable import HelpSiteCheck

/// The number reader on its own: what it reads as a number, with which unit, and what it leaves alone.
@Suite("Reading numbers in prose")
struct NumberReaderTests {
    /// `value unit` of each number that needs a counterpart; `(value)` for a word that only answers digits.
    func read(_ text: String, _ language: String) -> [String] {
        NumberReader(language: language).read(text).map { number in
            let reading = number.value + (number.unit.map { " " + $0.rawValue } ?? "")
            return number.needsCounterpart ? reading : "(\(reading))"
        }
    }

    func written(_ text: String, _ language: String) -> [String] {
        NumberReader(language: language).read(text).map(\.written)
    }

    @Test func digitsWithTheirUnit() {
        #expect(read("binnen 5 werkdagen", "nl") == ["5 working days"])
        #expect(read("dans les 5 jours ouvrables", "fr") == ["5 working days"])
        #expect(read("dans les 5 jours\n ouvrables", "fr") == ["5 working days"])
        #expect(read("within 5 working days", "en") == ["5 working days"])
        #expect(read("within 10 business days", "en") == ["10 working days"])
        #expect(read("binnen 30 dagen, 2 weken, 3 maanden of 1 jaar", "nl") == ["30 days", "2 weeks", "3 months", "1 years"])
        #expect(read("sous 30 jours, 2 semaines, 3 mois ou 2 ans", "fr") == ["30 days", "2 weeks", "3 months", "2 years"])
        #expect(read("a 30-day period", "en") == ["30 days"])
        #expect(written("dans les 5 jours\n  ouvrables.", "fr") == ["5 jours ouvrables"])
    }

    @Test func amountsAndPercentagesAsEachLanguageGroupsDigits() {
        #expect(read("€ 1.000,50 en 1.000 euro en 2,5 %", "nl") == ["1000.5 euros", "1000 euros", "2.5 percent"])
        #expect(read("1 000 €, 1.000 euros, 2,5 pour cent", "fr") == ["1000 euros", "1000 euros", "2.5 percent"])
        #expect(read("€1,000.50, 1,000 euros, 2.5 percent and 3 per cent", "en")
                == ["1000.5 euros", "1000 euros", "2.5 percent", "3 percent"])
        #expect(read("5,00 euro en EUR 7", "nl") == ["5 euros", "7 euros"])
        #expect(written("€ 1.000 en 5%", "nl") == ["€ 1.000", "5%"])
        // A first group of more than three digits is not grouped with what follows.
        #expect(read("en 2024 100 plaintes", "fr") == ["2024", "100"])
    }

    @Test func numbersInWords() {
        #expect(read("binnen vijf werkdagen", "nl") == ["5 working days"])
        #expect(read("dans les cinq jours ouvrables", "fr") == ["5 working days"])
        #expect(read("within twelve months", "en") == ["12 months"])
        #expect(read("Twee weken", "nl") == ["2 weeks"])
        // Without a unit a number word only answers digits: French `neuf` is also "new", Dutch `acht` "heed".
        #expect(read("twee klachten, in acht nemen", "nl") == ["(2)", "(8)"])
        #expect(read("un véhicule neuf", "fr") == ["(1)", "(9)"])
        // Above twelve only digits are read: no word of `twenty-one` or `vingt et un` is a number.
        #expect(read("twenty-one months, one hundred euros", "en") == [])
        #expect(read("vingt et un mois, deux cents euros, dix-huit mois", "fr") == [])
        #expect(read("twintig dagen", "nl") == [])
    }

    @Test func theWordForOneIsANumberOnlyBeforeAUnit() {
        #expect(read("binnen maximaal één maand", "nl") == ["1 months"])
        #expect(read("binnen een maand", "nl") == ["1 months"])
        #expect(read("dans un délai maximal d'un mois", "fr") == ["(1)", "1 months"])
        #expect(read("dans un délai d’une semaine", "fr") == ["(1)", "1 weeks"])
        #expect(read("within one month at the latest", "en") == ["1 months"])
        #expect(read("within a month", "en") == ["1 months"])
        #expect(read("in an hour", "en") == [])
        // The article: never a number that must have a counterpart.
        #expect(read("Heeft u een klacht? Vraag een nieuw wachtwoord aan.", "nl") == ["(1)", "(1)"])
        #expect(read("Vous avez une plainte ?", "fr") == ["(1)"])
        #expect(read("Request a new one using the option.", "en") == ["(1)"])
        #expect(read("a complaint", "en") == [])
        // `a` as a rate.
        #expect(read("twice a month, €5 a month, 24 hours a day, once a year", "en") == ["5 euros", "24"])
    }

    @Test func aTextWithoutFiguresOrUnitsIsGlancedAt() {
        let dutch = NumberReader(language: "nl")
        #expect(dutch.wordsForOne(in: "Heeft u een klacht? Een dossier, één vraag.") == 3)
        #expect(dutch.wordsForOne(in: "Stuur het binnen de week.") == nil)
        #expect(dutch.wordsForOne(in: "Twee klachten") == nil)
        #expect(dutch.wordsForOne(in: "Sinds 2024") == nil)
        #expect(dutch.wordsForOne(in: "Koste: €") == nil)
        #expect(NumberReader(language: "en").wordsForOne(in: "Request a new one, for a complaint.") == 1)
        #expect(NumberReader(language: "de").wordsForOne(in: "Eine Beschwerde innerhalb eines Monats") == 0)
    }

    /// Only the words around a figure, a `€`, a number word or a unit are read: in a long text, a number
    /// is read as in a short one, and a word for one far from any of them is counted as such.
    @Test func aLongTextIsReadAroundItsNumbers() throws {
        let filler = Array(repeating: "de dienst behandelt uw klacht zorgvuldig en houdt u op de hoogte", count: 20).joined(separator: " ")
        let text = "Een vraag. " + filler + " U krijgt binnen 5 werkdagen een antwoord, binnen één maand een besluit. " + filler + " Een klacht."
        #expect(read(text, "nl") == ["(1)", "(1)", "5 working days", "(1)", "1 months", "(1)"])
        let numbers = NumberReader(language: "nl").read(text)
        let figure = try #require(numbers.first { $0.needsCounterpart })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[figure.anchor])) == "5")
        #expect(figure.written == "5 werkdagen")
    }

    @Test func digitsThatAreNotNumbers() {
        #expect(read("SRC (B2C-klanten), services4you@stellantis-finance.com", "nl") == [])
        #expect(read("bel 02 370 77 11 of +32 2 547 58 71", "nl") == [])
        #expect(read("van 09:00 tot 12:30, de 9h30 à 11h, le 1er mai", "fr") == [])
        #expect(read("zie https://www.fsma.be/nl/2024, www.nbb.be/5 of economie.fgov.be/5", "nl") == [])
        #expect(read("5 volle werkdagen", "nl") == ["5"])
    }

    @Test func aLanguageWithoutATableHasItsDigitsRead() {
        let reader = NumberReader(language: "de")
        #expect(!reader.knowsWords)
        #expect(read("innerhalb von 5 Arbeitstagen, fünf Tage, 1.000 €", "de") == ["5", "1000"])
        #expect(NumberReader(language: "nl-BE").knowsWords)
    }

    @Test func theFigureIsTheNumberItselfAndItsPlace() throws {
        let text = "binnen één maand, € 1.000"
        let numbers = NumberReader(language: "nl").read(text)
        #expect(numbers.map(\.figure) == ["één", "1.000"])
        #expect(numbers.map(\.written) == ["één maand", "€ 1.000"])
        #expect(numbers.map(\.anchor) == [7..<10, 20..<25])
        // A word written in capitals, with accents, is a word of the tables all the same.
        #expect(read("ÉÉN MAAND, Twee Weken", "nl") == ["1 months", "2 weeks"])
    }

    @Test func datesAndFractionsAreNotRead() {
        #expect(read("sinds 1 januari 2025", "nl") == ["2025"])
        #expect(read("depuis le 1er janvier 2025", "fr") == ["2025"])
        #expect(read("since January 1, 2025", "en") == ["2025"])
        #expect(read("24/7", "en") == [])
    }
}
