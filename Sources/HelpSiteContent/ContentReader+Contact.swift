import Foundation
import HelpSiteModel

extension ContentReader {
    mutating func contactBlock(_ node: YAMLNode, region: String) -> ContactBlock? {
        let keys = ["id", "organisation", "departments", "address", "channels", "languages"]
        guard let fields = fields(node, what: "a contact block", keys: keys) else { return nil }
        let id = text(fields, "id").flatMap { checkedID($0) }
        let organisation = text(fields, "organisation")
        let departments = list(fields, "departments", required: false).compactMap { department($0) }
        let address = fields["address"].flatMap { postalAddress($0) }
        let channels = list(fields, "channels", required: address == nil).compactMap { channel($0, region: region) }
        checkUniqueIDs(channels.map(\.id), what: "channel")
        let languages = textList(fields, "languages", required: false).filter { code in
            guard isLanguageTag(code.value) else {
                diagnostics.error("'\(code.value)' is not a BCP 47 language code such as nl, fr or en", at: code.location)
                return false
            }
            return true
        }
        guard let id, let organisation else { return nil }
        return ContactBlock(id: id, organisation: organisation, departments: departments, address: address, channels: channels,
                            languages: languages)
    }

    /// `- Klachtendienst`, or `- name: …` with its `attention` words and the customers it is `for`.
    private mutating func department(_ node: YAMLNode) -> Department? {
        if node.scalar != nil { return text(node, named: "a department").map { Department(name: $0) } }
        guard let fields = fields(node, what: "a department", keys: ["name", "attention", "for"]) else { return nil }
        let name = text(fields, "name")
        let attention = text(fields, "attention", required: false)
        let audience = text(fields, "for", required: false)
        guard let name else { return nil }
        return Department(name: name, attention: attention, audience: audience)
    }

    private mutating func postalAddress(_ node: YAMLNode) -> PostalAddress? {
        let keys = ["building", "street", "number", "box", "postal_code", "city"]
        guard let fields = fields(node, what: "an address", keys: keys) else { return nil }
        let building = text(fields, "building", required: false)
        let street = text(fields, "street")
        let number = text(fields, "number")
        let box = text(fields, "box", required: false)
        let postalCode = text(fields, "postal_code")
        let city = text(fields, "city")
        if let postalCode, !(postalCode.value.count == 4 && postalCode.value.allSatisfy { $0.isASCII && $0.isNumber }) {
            diagnostics.error("postal code '\(postalCode.value)' must be four digits, such as 1130", at: postalCode.location)
        }
        guard let street, let number, let postalCode, let city else { return nil }
        return PostalAddress(building: building, street: street, number: number, box: box,
                             postalCode: postalCode, city: city, location: fields.location)
    }

    private mutating func channel(_ node: YAMLNode, region: String) -> Channel? {
        let kinds = ["phone", "email", "url", "portal"]
        let keys = ["id", "label", "note", "hours", "not_localised"] + kinds
        guard let fields = fields(node, what: "a channel", keys: keys) else { return nil }
        let id = text(fields, "id").flatMap { checkedID($0) }
        let label = text(fields, "label", required: false)
        let note = text(fields, "note", required: false)
        let hours = list(fields, "hours", required: false).compactMap { openingHours($0) }
        let notLocalised = flag(fields, "not_localised")
        let present = kinds.filter { fields[$0] != nil }
        guard present.count == 1, let kind = present.first else {
            let problem = present.isEmpty ? "has no value" : "has \(present.joined(separator: " and ")); give it one"
            diagnostics.error("channel '\(id?.value ?? "?")' \(problem): write one of \(kinds.joined(separator: ", "))",
                              at: fields.location)
            return nil
        }
        guard let id, let value = channelValue(kind, fields: fields, region: region) else { return nil }
        if notLocalised, kind != "url" {
            diagnostics.error("'not_localised' applies to a url channel only", at: fields["not_localised"].map(location) ?? fields.location)
        }
        return Channel(id: id, label: label, value: value, note: note, hours: hours, notLocalised: notLocalised)
    }

    private mutating func channelValue(_ kind: String, fields: Fields, region: String) -> Located<Channel.Value>? {
        if kind == "portal" {
            let path = textList(fields, "portal")
            guard !path.isEmpty, let first = path.first else { return nil }
            return Located(.portal(path.map(\.value)), at: first.location)
        }
        guard let written = text(fields, kind) else { return nil }
        switch kind {
        case "phone":
            switch PhoneNumber.e164(written.value, region: region) {
            case .success(let e164):
                return Located(.phone(written: written.value, e164: e164), at: written.location)
            case .failure(let problem):
                diagnostics.error("phone number '\(written.value)' is not valid: \(problem)", at: written.location)
                return nil
            }
        case "email":
            guard isEmailAddress(written.value) else {
                diagnostics.error("'\(written.value)' is not an e-mail address (name@domain.example)", at: written.location)
                return nil
            }
            return Located(.email(written.value), at: written.location)
        default:
            guard isWebAddress(written.value) else {
                diagnostics.error("'\(written.value)' is not a web address; write it in full, such as https://www.example.be/",
                                  at: written.location)
                return nil
            }
            return Located(.url(written.value), at: written.location)
        }
    }

    private mutating func openingHours(_ node: YAMLNode) -> OpeningHours? {
        guard let fields = fields(node, what: "opening hours", keys: ["days", "opens", "closes"]) else { return nil }
        var days: [Weekday] = []
        for day in textList(fields, "days") {
            if let weekday = Weekday(rawValue: day.value) {
                days.append(weekday)
            } else {
                diagnostics.error("'\(day.value)' is not a day; write one of \(Weekday.allCases.map(\.rawValue).joined(separator: ", "))",
                                  at: day.location)
            }
        }
        let opens = text(fields, "opens").flatMap { time($0) }
        let closes = text(fields, "closes").flatMap { time($0) }
        guard let opens, let closes, !days.isEmpty else { return nil }
        guard opens.value < closes.value else {
            diagnostics.error("opening hours close (\(closes.value)) before they open (\(opens.value))", at: closes.location)
            return nil
        }
        return OpeningHours(days: days, opens: opens.value, closes: closes.value, location: fields.location)
    }

    private mutating func time(_ text: Located<String>) -> Located<TimeOfDay>? {
        guard let time = TimeOfDay(text.value) else {
            diagnostics.error("'\(text.value)' is not a time of day; write it as HH:MM, such as \"09:00\"", at: text.location)
            return nil
        }
        return Located(time, at: text.location)
    }
}

