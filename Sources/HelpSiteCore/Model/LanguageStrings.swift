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
    /// Where each text of the file was read: `labels.skip_link`, `days.mon`, `hours.time`.
    public var locations: [String: SourceLocation] = [:]

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
        "choose_language": "the heading of the language choice on the home page",
        "step": "a step's number, with {n}",
        "address": "the heading of a postal address",
        "phone": "the word for phone",
        "email": "the word for e-mail",
        "website": "the word for website",
        "portal_path": "where to find the form in the customer portal, with {path}",
        "hours": "the heading of opening hours",
        "box": "the word before a box number",
        "not_localised": "the note after a link to a page in the reference language only",
        "not_found_title": "the title of the page shown for an address that does not exist",
        "not_found_text": "the sentence under that title",
    ]

    public func label(_ key: String) -> String {
        labels[key] ?? key
    }
}

/// Spacing rules a language applies to running text when it is shown.
public enum Typography: String, Sendable, CaseIterable {
    case plain
    /// A narrow no-break space before ? ! ; and a no-break space before : and
    /// inside « », so that the sign never starts a line on its own.
    case french

    /// One pass over the scalars; text with none of the signs is returned as it is.
    public func apply(_ text: String) -> String {
        guard self == .french, text.utf8.contains(where: { [0x3F, 0x21, 0x3B, 0x3A, 0xBB, 0xAB].contains($0) }) else { return text }
        var scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == " " {
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let previous = index > 0 ? scalars[index - 1] : " "
            if "?!;".unicodeScalars.contains(next) {
                scalars[index] = "\u{202F}"
            } else if next == ":" || next == "»" || previous == "«" {
                scalars[index] = "\u{00A0}"
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
