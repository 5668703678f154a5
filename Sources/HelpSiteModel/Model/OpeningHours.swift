/// Days of the week, as content files write them.
public enum Weekday: String, CaseIterable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The schema.org name, for structured data.
    public var schemaName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][Weekday.allCases.firstIndex(of: self)!]
    }
}

/// A time of day, minutes after midnight.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads `HH:MM` (`9:00` and `09:00` alike).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `09:00`, the form of HTML's `<time datetime>`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

/// Days that share the same hours: `mon, tue, thu 09:00–11:00`.
public struct OpeningHours: Hashable, Sendable {
    public var days: [Weekday]
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    public var location: SourceLocation

    public init(days: [Weekday], opens: TimeOfDay, closes: TimeOfDay, location: SourceLocation) {
        self.days = days
        self.opens = opens
        self.closes = closes
        self.location = location
    }
}
