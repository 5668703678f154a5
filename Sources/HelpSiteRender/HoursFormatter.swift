import HelpSiteModel

/// Opening hours written the way one language writes them, from data:
/// `Maandag, dinsdag en donderdag` / `van 9u00 tot 11u00`.
struct HoursFormatter {
    let strings: LanguageStrings

    /// `maandag, dinsdag en donderdag`.
    func days(_ days: [Weekday]) -> String {
        let names = days.map { strings.days[$0] ?? $0.rawValue }
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(strings.and) " + last
    }

    /// `9u00`, `9 h 00`, `9:00`.
    func time(_ time: TimeOfDay) -> String {
        let minutes = (time.minute < 10 ? "0" : "") + "\(time.minute)"
        let hour = "\(time.hour)"
        return strings.timeFormat.filling(["H": hour, "HH": (time.hour < 10 ? "0" : "") + hour, "mm": minutes])
    }

    /// The range as HTML, each time in a `<time>` element a machine can read.
    func rangeHTML(_ hours: OpeningHours) -> String {
        func element(_ value: TimeOfDay) -> String {
            "<time datetime=\"\(value)\">\(HTML.escape(time(value)))</time>"
        }
        return HTML.fill(strings.rangeFormat, ["opens": element(hours.opens), "closes": element(hours.closes)])
    }

    /// The same range as plain text.
    func range(_ hours: OpeningHours) -> String {
        strings.rangeFormat.filling(["opens": time(hours.opens), "closes": time(hours.closes)])
    }
}
