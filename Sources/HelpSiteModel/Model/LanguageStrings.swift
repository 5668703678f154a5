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
