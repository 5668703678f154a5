import HelpSiteModel

/// Opening hours are the same days and times in every language.
struct HoursRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        pair.channels.flatMap { original, translated -> [Diagnostic] in
            let expected = Self.schedule(original.hours), actual = Self.schedule(translated.hours)
            guard expected != actual else { return [] }
            let anchor = translated.hours.first?.location ?? translated.id.location
            return Weekday.allCases.compactMap { day -> Diagnostic? in
                let want = expected[day] ?? [], have = actual[day] ?? []
                guard want != have else { return nil }
                let at = translated.hours.first { $0.days.contains(day) }?.location ?? anchor
                let from = original.hours.first { $0.days.contains(day) }?.location ?? original.id.location
                let channel = "channel '\(original.id.value)'"
                if have.isEmpty {
                    return pair.missing("the hours of \(channel) on \(day.rawValue) (\(Self.text(want)))", at: at, original: from, plural: true)
                }
                if want.isEmpty {
                    return pair.extra("the hours of \(channel) on \(day.rawValue) (\(Self.text(have)))", at: at, plural: true)
                }
                return Diagnostic(
                    .error, "hours of \(channel) on \(day.rawValue) are \(Self.text(have)) in \(pair.language) but \(Self.text(want)) in \(pair.referenceLanguage) (\(from))",
                    at: at, code: .factDiffers, related: [from])
            }
        }
    }

    /// Day → its opening ranges, sorted: the form in which two languages' hours are compared.
    static func schedule(_ hours: [OpeningHours]) -> [Weekday: [String]] {
        var schedule: [Weekday: [String]] = [:]
        for entry in hours {
            for day in entry.days {
                schedule[day, default: []].append("\(entry.opens)–\(entry.closes)")
            }
        }
        return schedule.mapValues { $0.sorted() }
    }

    private static func text(_ ranges: [String]) -> String {
        ranges.joined(separator: ", ")
    }
}
