import HelpSiteModel

extension ContentReader {
    /// `content/<lang>/language.yaml`.
    mutating func languageStrings(_ root: YAMLNode) -> LanguageStrings? {
        guard let fields = fields(root, what: "the language file", keys: ["labels", "days", "hours", "dates", "durations", "typography", "navigation"]) else { return nil }
        let labelKeys = LanguageStrings.labelKeys.map(\.key)
        var labels: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        if let node = fields["labels"], let labelFields = self.fields(node, what: "labels", keys: labelKeys) {
            for key in labelKeys {
                let label = text(labelFields, key)
                labels[key] = label?.value
                locations["labels." + key] = label?.location
                // The search shows these with the count and the visitor's words filled in.
                if key == "search_many" { requirePlaceholders(label, ["{n}"]) }
                if key == "search_nothing" { requirePlaceholders(label, ["{query}"]) }
            }
        } else if fields["labels"] == nil {
            missing("labels", in: fields)
        }
        var days: [Weekday: String] = [:]
        if let node = fields["days"], let dayFields = self.fields(node, what: "days", keys: Weekday.allCases.map(\.rawValue)) {
            for day in Weekday.allCases {
                let name = text(dayFields, day.rawValue)
                days[day] = name?.value
                locations["days." + day.rawValue] = name?.location
            }
        } else if fields["days"] == nil {
            missing("days", in: fields)
        }
        var formats: (time: Located<String>?, range: Located<String>?, and: Located<String>?) = (nil, nil, nil)
        if let node = fields["hours"], let hourFields = self.fields(node, what: "hours", keys: ["time", "range", "and"]) {
            formats = (text(hourFields, "time"), text(hourFields, "range"), text(hourFields, "and"))
            requirePlaceholders(formats.time, ["{mm}"], oneOf: ["{H}", "{HH}"])
            requirePlaceholders(formats.range, ["{opens}", "{closes}"])
        } else if fields["hours"] == nil {
            missing("hours", in: fields)
        }
        let dates = dateStrings(fields)
        var typography = Typography.plain
        if let value = text(fields, "typography", required: false) {
            if let known = Typography(rawValue: value.value) {
                typography = known
            } else {
                diagnostics.error("typography '\(value.value)' is not one of \(Typography.allCases.map(\.rawValue).joined(separator: ", "))",
                                  at: value.location)
            }
        }
        var groupTitles: [String: String] = [:]
        if let node = fields["navigation"], let groups = node.mapping {
            for (key, value) in groups {
                guard let id = key.scalar?.string, let title = text(value, named: "the title of group '\(key.scalar?.string ?? "")'") else { continue }
                groupTitles[id] = title.value
                locations["navigation." + id] = title.location
            }
        } else if let node = fields["navigation"] {
            diagnostics.error("'navigation' must map each group id of site.yaml to its title, found \(describe(node))", at: location(of: node))
        }
        guard labels.count == labelKeys.count, days.count == Weekday.allCases.count,
              let time = formats.time, let range = formats.range, let and = formats.and else { return nil }
        locations["hours.time"] = time.location
        locations["hours.range"] = range.location
        locations["hours.and"] = and.location
        var strings = LanguageStrings(labels: labels, days: days, timeFormat: time.value, rangeFormat: range.value, and: and.value,
                                      typography: typography)
        strings.locations = locations
        strings.groupTitles = groupTitles
        strings.dates = dates
        strings.durations = durationWords(fields)
        return strings
    }

    private mutating func requirePlaceholders(_ format: Located<String>?, _ required: [String], oneOf: [String] = []) {
        guard let format else { return }
        for placeholder in required where !format.value.contains(placeholder) {
            diagnostics.error("'\(format.value)' lacks the placeholder \(placeholder)", at: format.location)
        }
        if !oneOf.isEmpty, !oneOf.contains(where: format.value.contains) {
            diagnostics.error("'\(format.value)' lacks one of the placeholders \(oneOf.joined(separator: ", "))", at: format.location)
        }
    }
}
