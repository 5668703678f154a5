/// The interface text of one language (`content/<lang>/language.yaml`):
/// labels around the content, day names, and how that language writes hours.
public struct LanguageStrings: Sendable {
    /// Every label a template may use, by key. All keys of `LanguageStrings.labelKeys` are present.
    public var labels: [String: String]
    public var days: [Weekday: String]
    /// `{H}u{mm}`: `{H}` hour, `{HH}` hour with a leading zero, `{mm}` minutes.
    public var timeFormat: String
    /// `van {opens} tot {closes}`.
    public var rangeFormat: String
    /// The word before the last item of a list of days: `en`, `et`, `and`.
    public var and: String
    public var typography: Typography
    /// Where each text of the file was read: `labels.skip_link`, `days.mon`, `hours.time`,
    /// `navigation.complaints`.
    public var locations: [String: SourceLocation] = [:]
    /// `navigation:`: the title of each navigation group of site.yaml, by the group's id.
    public var groupTitles: [String: String] = [:]
    /// `dates:`: how the language writes a page's date of last update; nil when it does not say.
    public var dates: DateStrings?
    /// `durations:`: the words the language writes a duration with, so that a rule finds
    /// `5 werkdagen` or `un mois` in a text; nil when it does not say.
    public var durations: DurationWords?

    public init(
        labels: [String: String], days: [Weekday: String], timeFormat: String, rangeFormat: String, and: String,
        typography: Typography = .plain
    ) {
        self.labels = labels
        self.days = days
        self.timeFormat = timeFormat
        self.rangeFormat = rangeFormat
        self.and = and
        self.typography = typography
    }

    /// The labels every language must define, with what each is for.
    public static let labelKeys: KeyValuePairs<String, String> = [
        "skip_link": "the link that skips to the main content",
        "language_switcher": "the name of the list of other languages",
        "choose_language": "the heading of each language on the language choice at the site's root",
        "step": "a step's number, with {n}",
        "address": "the heading of a postal address",
        "phone": "the word for phone",
        "email": "the word for e-mail",
        "website": "the word for website",
        "moved": "the sentence on an old address of a page that has moved, above the link to its new address",
        "portal_path": "where to find the form in the customer portal, with {path}",
        "hours": "the heading of opening hours",
        "box": "the word before a box number",
        "not_localised": "the note after a link to a page in the reference language only",
        "not_found_title": "the title of the page shown for an address that does not exist",
        "not_found_text": "the sentence under that title",
        "home": "the name of the language's home page, first in the breadcrumbs",
        "breadcrumbs": "the name of the trail of links from the home page to the page",
        "search": "the label of the search field, which also names the search landmark",
        "search_button": "the button that starts a search",
        "search_results": "the name of the list of search results",
        "search_one": "the count of a search that finds one result",
        "search_many": "the count of a search that finds several results, with {n}",
        "search_nothing": "the sentence when a search finds nothing, naming the language of the pages searched, with {query}",
        "search_empty": "the sentence when the search field is empty, naming the language of the pages searched",
        "search_more": "the button under the search results that shows more of them",
    ]

    public func label(_ key: String) -> String {
        labels[key] ?? key
    }
}

/// `dates:` in language.yaml: how a language writes a day of the calendar.
///
/// ```yaml
/// dates:
///   months: [januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december]
///   format: "{d} {month} {yyyy}"
///   updated: "Laatst bijgewerkt op {date}"
/// ```
public struct DateStrings: Sendable {
    /// The twelve months' names, January first.
    public var months: [String]
    /// `{d}` the day, `{dd}` with a leading zero, `{month}` its name, `{yyyy}` the year.
    public var format: String
    /// The line under a page, with `{date}`.
    public var updated: String
    /// How the first day of a month is written, where the language writes it otherwise: `1er`.
    public var firstDay: String?

    public init(months: [String], format: String, updated: String, firstDay: String? = nil) {
        self.months = months
        self.format = format
        self.updated = updated
        self.firstDay = firstDay
    }

    /// `3 januari 2026`, `1er janvier 2026`.
    public func write(_ date: CalendarDate) -> String {
        let day = date.day == 1 ? firstDay ?? "1" : String(date.day)
        let padded = date.day < 10 ? "0\(date.day)" : String(date.day)
        return format.filling(["d": day, "dd": padded, "month": months[date.month - 1], "yyyy": String(date.year)])
    }

    /// `Laatst bijgewerkt op 3 januari 2026`.
    public func updatedLine(_ date: CalendarDate) -> String {
        updated.filling(["date": write(date)])
    }
}

/// `durations:` in language.yaml: the units of time, and the words for numbers a text may
/// write in letters (`één maand`, `d'un mois`).
public struct DurationWords: Sendable {
    /// Each unit as its words: `[working, days]`.
    public var units: [[String]]
    public var numbers: Set<String>

    public init(units: [String], numbers: [String]) {
        self.units = units.map(Self.words)
        self.numbers = Set(numbers.map { $0.lowercased() })
    }

    /// How many durations `text` writes: a number (in digits, or one of `numbers`) right
    /// before a unit of time. Markdown emphasis and punctuation are not words.
    public func count(in text: String) -> Int {
        let words = Self.words(text)
        return words.indices.filter { index in
            let number = words[index]
            guard number.allSatisfy(\.isNumber) || numbers.contains(number) else { return false }
            let rest = words[(index + 1)...]
            return units.contains { !$0.isEmpty && rest.starts(with: $0) }
        }.count
    }

    private static func words(_ text: String) -> [String] {
        // ASCII text over its bytes, where a byte is a Character and ASCII's letters and digits are
        // its only letters and numbers: splitting Characters cost a hundred times more.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }
        return text.utf8.split { !((($0 | 0x20) &- UInt8(ascii: "a")) < 26 || ($0 &- UInt8(ascii: "0")) < 10) }.map { word in
            String(decoding: word.map { ($0 &- UInt8(ascii: "A")) < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
    }
}

/// Spacing rules a language applies to running text when it is shown.
public enum Typography: String, Sendable, CaseIterable {
    case plain
    /// A narrow no-break space before ? ! ; and a no-break space before : and
    /// inside « », so that the sign never starts a line on its own.
    case french

    /// One pass over the UTF-8 bytes; text with no space before or after one of the
    /// signs is returned as it is.
    public func apply(_ text: String) -> String {
        guard self == .french else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The spaces to change, and what each becomes.
            var changes: [(index: Int, narrow: Bool)] = []
            for index in bytes.indices where bytes[index] == UInt8(ascii: " ") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
                if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") || next == UInt8(ascii: ";") {
                    changes.append((index, true))
                } else if next == UInt8(ascii: ":")
                            // » is C2 BB, « is C2 AB in UTF-8.
                            || (next == 0xC2 && index + 2 < bytes.count && bytes[index + 2] == 0xBB)
                            || (index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xAB) {
                    changes.append((index, false))
                }
            }
            guard !changes.isEmpty else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + changes.count * 2)
            var start = 0
            for change in changes {
                result.append(contentsOf: bytes[start..<change.index])
                // U+202F NARROW NO-BREAK SPACE, U+00A0 NO-BREAK SPACE.
                result.append(contentsOf: change.narrow ? [0xE2, 0x80, 0xAF] : [0xC2, 0xA0])
                start = change.index + 1
            }
            result.append(contentsOf: bytes[start...])
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }
}
