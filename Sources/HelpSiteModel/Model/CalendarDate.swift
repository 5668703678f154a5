/// A day of the calendar, without a time or a zone: a page's date of last update.
/// Written and read as a strict ISO 8601 date, `2026-01-03`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 12.
    public var month: Int
    /// 1 to the month's last day.
    public var day: Int

    /// `2026-01-03` exactly: four digits, two, two, a day that exists. `2026-1-3`,
    /// `03/01/2026` and `2026-02-30` are not dates.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The same day `count` months later (or earlier), or the month's last day when it is
    /// shorter: 31 January and one month is 28 or 29 February.
    public func adding(months count: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + count
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        let newDay = min(day, Self.days(inMonth: newMonth, of: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// `review_every: 12 months` in site.yaml: how long a page's date may be before it is reviewed.
public struct ReviewPeriod: Sendable, Hashable, CustomStringConvertible {
    public var months: Int

    public init(months: Int) {
        self.months = months
    }

    /// `12 months`, `1 month`, `2 years`, `1 year`.
    public init?(_ text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[0]), count > 0, String(count) == parts[0] else { return nil }
        switch parts[1] {
        case "month" where count == 1, "months" where count > 1: months = count
        case "year" where count == 1, "years" where count > 1: months = count * 12
        default: return nil
        }
    }

    public var description: String {
        months % 12 == 0 ? "\(months / 12) year\(months == 12 ? "" : "s")" : "\(months) month\(months == 1 ? "" : "s")"
    }
}
