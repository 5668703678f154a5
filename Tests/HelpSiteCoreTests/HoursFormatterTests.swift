import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteRender

@Suite("Opening hours in each language's conventions")
struct HoursFormatterTests {
    static func strings(time: String, range: String, and: String, days: [String]) -> LanguageStrings {
        LanguageStrings(labels: [:], days: Dictionary(uniqueKeysWithValues: zip(Weekday.allCases, days)),
                        timeFormat: time, rangeFormat: range, and: and)
    }

    static let dutch = strings(time: "{H}u{mm}", range: "van {opens} tot {closes}", and: "en",
                               days: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"])
    static let french = strings(time: "{H} h {mm}", range: "de {opens} à {closes}", and: "et",
                                days: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
    static let english = strings(time: "{HH}:{mm}", range: "from {opens} to {closes}", and: "and",
                                 days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])

    let hours = OpeningHours(days: [.mon, .tue, .thu], opens: TimeOfDay(hour: 9, minute: 0)!, closes: TimeOfDay(hour: 11, minute: 30)!,
                             location: SourceLocation(file: "x"))

    @Test func eachLanguageWritesTheSameDataItsOwnWay() {
        #expect(HoursFormatter(strings: Self.dutch).days(hours.days) == "maandag, dinsdag en donderdag")
        #expect(HoursFormatter(strings: Self.dutch).range(hours) == "van 9u00 tot 11u30")
        #expect(HoursFormatter(strings: Self.french).days(hours.days) == "lundi, mardi et jeudi")
        #expect(HoursFormatter(strings: Self.french).range(hours) == "de 9 h 00 à 11 h 30")
        #expect(HoursFormatter(strings: Self.english).range(hours) == "from 09:00 to 11:30")
        #expect(HoursFormatter(strings: Self.english).days([.wed]) == "Wednesday")
    }

    @Test func theHTMLFormCarriesMachineReadableTimes() {
        #expect(HoursFormatter(strings: Self.french).rangeHTML(hours)
            == "de <time datetime=\"09:00\">9 h 00</time> à <time datetime=\"11:30\">11 h 30</time>")
    }

    @Test func aFormatCannotInjectMarkup() {
        let hostile = Self.strings(time: "{H}<b>{mm}", range: "<script>{opens}</script>{closes}", and: "&", days: Self.dutch.days.sorted { $0.key < $1.key }.map(\.value))
        let html = HoursFormatter(strings: hostile).rangeHTML(hours)
        #expect(html.hasPrefix("&lt;script&gt;<time datetime=\"09:00\">9&lt;b&gt;00</time>&lt;/script&gt;"))
    }

    @Test func placeholdersAreFilledOnceEach() {
        #expect("{H}u{mm}".filling(["H": "9", "HH": "09", "mm": "30"]) == "9u30")
        #expect("{HH}:{mm}".filling(["H": "9", "HH": "09", "mm": "30"]) == "09:30")
        // A value is text, not a format: its braces are not filled in turn.
        #expect("van {opens} tot {closes}".filling(["opens": "{closes}", "closes": "17u"]) == "van {closes} tot 17u")
        // What is not a known placeholder is left as the translator wrote it.
        #expect("{unknown} {H} {{H} {H".filling(["H": "9"]) == "{unknown} 9 {9 {H")
        #expect("à {H}h{mm} précises".filling(["H": "9", "mm": "00"]) == "à 9h00 précises")
    }

    @Test func timesAreReadStrictly() {
        #expect(TimeOfDay("9:00") == TimeOfDay(hour: 9, minute: 0))
        #expect(TimeOfDay("24:00") == TimeOfDay(hour: 24, minute: 0))
        for bad in ["9h00", "25:00", "09:60", "0900", "9:0", "", "١٢:٠٠", "24:30"] {
            #expect(TimeOfDay(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Text written for one language or format")
struct TextFormsTests {
    @Test func frenchSpacingTiesSignsToTheirWords() {
        let text = "Une question ? Appelez-nous : « ici » ; merci ! Fin ?"
        #expect(Typography.french.apply(text)
            == "Une question\u{202F}? Appelez-nous\u{00A0}: «\u{00A0}ici\u{00A0}»\u{202F}; merci\u{202F}! Fin\u{202F}?")
        // A space before « or after » is an ordinary space; so is a sign without a space.
        #expect(Typography.french.apply("dit « oui » et c'est tout: fini!") == "dit «\u{00A0}oui\u{00A0}» et c'est tout: fini!")
        #expect(Typography.french.apply("Rien à changer.") == "Rien à changer.")
        #expect(Typography.plain.apply("Question ? Oui : non !") == "Question ? Oui : non !")
        #expect(Typography.french.apply(" ?") == "\u{202F}?")
    }

    @Test func jsonEscapesWhatCouldBreakItsScriptElement() {
        let value: JSONValue = ["b": "é \"x\" \\ </script>\n\t\r\u{01}\u{1F}", "a": [.int(-3), .bool(true), .bool(false), "ü"]]
        #expect(JSONText.encode(value)
            == #"{"a":[-3,true,false,"ü"],"b":"é \"x\" \\ \u003c/script>\n\t\r\u0001\u001f"}"#)
        var object: JSONValue = ["@type": "Organization"]
        object["name"] = "Ombudsfin"
        object["@id"] = "#contact"
        #expect(JSONText.encode(object) == ##"{"@id":"#contact","@type":"Organization","name":"Ombudsfin"}"##)
    }
}

@Suite("What passes for an e-mail address")
struct EmailAddressShapeTests {
    @Test func aPlainShapeIsAskedFor() {
        for good in ["info@example.be", "klachten@stellantis-fs.be", "a.b+c@d.e.f", "émile@exemple.be", "x@a.b"] {
            #expect(isEmailAddress(good), "\(good)")
        }
        for bad in ["", "@example.be", "info@", "info@example", "info@.example.be", "info@example.be.", "info@example..be",
                    "a@b@c.be", "info @example.be", "info@exam ple.be", "in\tfo@example.be", "<info@example.be>",
                    "\"info\"@example.be", "info@exam\u{00A0}ple.be", "info@example.be\u{2028}", "info\n@example.be"] {
            #expect(!isEmailAddress(bad), "\(bad)")
        }
    }
}
