import HelpSiteModel

extension ContentReader {
    /// `updated: 2026-01-03`: a strict ISO date that exists.
    mutating func checkedDate(_ text: Located<String>) -> Located<CalendarDate>? {
        guard let date = CalendarDate(iso: text.value) else {
            diagnostics.error("'\(text.value)' is not a date; write it as YYYY-MM-DD, such as 2026-01-03", at: text.location)
            return nil
        }
        return Located(date, at: text.location)
    }

    /// `rules: complaints` or `rules: [complaints]`: a word, or a list of words; none when absent.
    mutating func oneOrMore(_ fields: Fields, _ key: String) -> [Located<String>] {
        guard let node = fields[key] else { return [] }
        if node.scalar != nil { return text(node, named: "'\(key)'").map { [$0] } ?? [] }
        return textList(fields, key)
    }

    /// One of the names of `T`, or an error naming them all.
    mutating func checkedName<T: RawRepresentable & CaseIterable>(_ name: Located<String>, as _: T.Type, what: String)
        -> Located<T>? where T.RawValue == String {
        guard let value = T(rawValue: name.value) else {
            let names = T.allCases.map(\.rawValue)
            let hint = suggestion(for: name.value, among: names).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.error("unknown \(what) '\(name.value)'\(hint) (\(what)s: \(names.joined(separator: ", ")))", at: name.location)
            return nil
        }
        return Located(value, at: name.location)
    }

    /// `dates:` in language.yaml: the months, the format of a date, the line under a page.
    mutating func dateStrings(_ fields: Fields) -> DateStrings? {
        guard let node = fields["dates"],
              let dates = self.fields(node, what: "dates", keys: ["months", "format", "updated", "first_day"]) else { return nil }
        let months = textList(dates, "months")
        if !months.isEmpty, months.count != 12 {
            diagnostics.error("'months' names \(months.count) months; write the twelve, January first",
                              at: dates["months"].map(location) ?? dates.location)
        }
        let format = text(dates, "format")
        let updated = text(dates, "updated")
        let firstDay = text(dates, "first_day", required: false)
        if let format, !["{d}", "{dd}"].contains(where: format.value.contains) || !format.value.contains("{yyyy}")
            || !format.value.contains("{month}") {
            diagnostics.error("'\(format.value)' must hold {d} or {dd}, {month} and {yyyy}", at: format.location)
        }
        if let updated, !updated.value.contains("{date}") {
            diagnostics.error("'\(updated.value)' lacks the placeholder {date}", at: updated.location)
        }
        guard months.count == 12, let format, let updated else { return nil }
        return DateStrings(months: months.map(\.value), format: format.value, updated: updated.value, firstDay: firstDay?.value)
    }

    /// `durations:` in language.yaml: `units` of time and the `numbers` written in letters.
    mutating func durationWords(_ fields: Fields) -> DurationWords? {
        guard let node = fields["durations"],
              let words = self.fields(node, what: "durations", keys: ["units", "numbers"]) else { return nil }
        let units = textList(words, "units")
        let numbers = textList(words, "numbers", required: false)
        return units.isEmpty ? nil : DurationWords(units: units.map(\.value), numbers: numbers.map(\.value))
    }

    /// `review_every: 12 months` in site.yaml.
    mutating func reviewPeriod(_ fields: Fields) -> Located<ReviewPeriod>? {
        guard let text = text(fields, "review_every", required: false) else { return nil }
        guard let period = ReviewPeriod(text.value) else {
            diagnostics.error("review_every '\(text.value)' must be a number of months or years, such as 12 months or 1 year",
                              at: text.location)
            return nil
        }
        return Located(period, at: text.location)
    }

    /// `banned_links:` in site.yaml: each a `prefix` and the `reason` no page may link there.
    mutating func bannedLinks(_ fields: Fields) -> [BannedLink] {
        list(fields, "banned_links", required: false).compactMap { node in
            guard let entry = self.fields(node, what: "a banned link", keys: ["prefix", "reason"]) else { return nil }
            let prefix = text(entry, "prefix")
            let reason = text(entry, "reason")
            if let prefix, BannedLink.comparable(prefix.value).count < 4 || !prefix.value.contains(".") {
                diagnostics.error("prefix '\(prefix.value)' must be the start of an address, such as ec.europa.eu/consumers/odr",
                                  at: prefix.location)
                return nil
            }
            guard let prefix, let reason else { return nil }
            return BannedLink(prefix: prefix, reason: reason)
        }
    }
}
