import HelpSiteModel

/// One text of the reference language and the same text in a translation, if it has it.
struct FieldPair {
    /// Stable across languages and edits of other fields: `steps.mediation.body`, `labels.skip_link`.
    var key: String
    var reference: Located<String>
    var translation: Located<String>?
    /// Where the translation should have it: its nearest enclosing part that exists.
    var near: SourceLocation
    /// Not written in the translation but shown from the reference (the date of last
    /// update): accepting the translation records the reference's value, and a later
    /// reference makes the translation stale.
    var inherited = false
}

/// A fact the translation shows in the reference language's form where a localised
/// form is expected: a channel marked `not_localised`, or a street, city or web address
/// that site.yaml localises for other languages but not for this one.
struct KeptFact {
    var key: String
    var location: SourceLocation
    var reference: SourceLocation
    var reason: String
}

/// Walks a reference page and its translation side by side, matching steps, contact
/// blocks and channels by id and list items by position, and collects every text
/// field a translator translates. Facts are the check's business, except those kept
/// in the reference language's form.
struct FieldWalk {
    let language: String
    let referenceLanguage: String
    let equivalents: FactEquivalents
    private(set) var fields: [FieldPair] = []
    private(set) var keptFacts: [KeptFact] = []

    init(language: String, referenceLanguage: String, equivalents: FactEquivalents) {
        self.language = language
        self.referenceLanguage = referenceLanguage
        self.equivalents = equivalents
    }

    mutating func page(_ reference: Page, _ translation: Page) {
        let file = SourceLocation(file: translation.file)
        text("slug", reference.slug, translation.slug, near: file)
        text("title", reference.title, translation.title, near: file)
        text("description", reference.description, translation.description, near: file)
        if let updated = reference.updated {
            // The translation was accepted as of this date: a later one makes it stale.
            let date = Located(updated.value.description, at: updated.location)
            fields.append(FieldPair(key: "updated", reference: date, translation: Located(date.value, at: file), near: file,
                                    inherited: true))
        }
        if let intro = reference.intro {
            markdown("intro", intro, translation.intro, near: file)
        }
        for section in reference.sections {
            let other = translation.sections.first { $0.id.value == section.id.value }
            self.section("sections." + section.id.value, section, other, near: translation.sectionsLocation)
        }
    }

    /// `contacts.yaml`: each shared contact, by id.
    mutating func contacts(_ reference: SharedContacts, _ translation: SharedContacts) {
        let file = SourceLocation(file: translation.file)
        for block in reference.contacts {
            contact("contacts." + block.id.value, block, translation.contact(id: block.id.value), near: file)
        }
    }

    /// `language.yaml`: labels, day names and hour formats, in the file's order.
    mutating func strings(_ reference: LanguageStrings, _ translation: LanguageStrings, file: String) {
        var keys = LanguageStrings.labelKeys.map { "labels." + $0.key }
        keys += Weekday.allCases.map { "days." + $0.rawValue }
        keys += ["hours.time", "hours.range", "hours.and"]
        keys += reference.groupTitles.keys.sorted { (reference.locations["navigation." + $0] ?? SourceLocation(file: ""), $0) < (reference.locations["navigation." + $1] ?? SourceLocation(file: ""), $1) }
            .map { "navigation." + $0 }
        let whole = SourceLocation(file: file)
        for key in keys {
            guard let original = Self.string(key, in: reference) else { continue }
            let translated = Self.string(key, in: translation)
            text(key, Located(original, at: reference.locations[key] ?? whole),
                 translated.map { Located($0, at: translation.locations[key] ?? whole) }, near: whole)
        }
    }

    private static func string(_ key: String, in strings: LanguageStrings) -> String? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        switch parts[0] {
        case "labels": return strings.labels[parts[1]]
        case "days": return Weekday(rawValue: parts[1]).flatMap { strings.days[$0] }
        case "navigation": return strings.groupTitles[parts[1]]
        default:
            return ["time": strings.timeFormat, "range": strings.rangeFormat, "and": strings.and][parts[1]]
        }
    }

    /// A section's title and blocks; blocks pair by kind and position (the second list of
    /// the reference with the second list of the translation), contacts by id.
    private mutating func section(_ prefix: String, _ reference: Section, _ translation: Section?, near: SourceLocation) {
        let here = translation?.id.location ?? near
        text(prefix + ".title", reference.title, translation?.title, near: here)
        var seen: [String: Int] = [:]
        for block in reference.blocks {
            let kind = block.kind
            let position = seen[kind, default: 0]
            seen[kind] = position + 1
            let other = translation?.blocks.filter { $0.kind == kind }.dropFirst(position).first
            let key = "\(prefix).\(kind).\(position + 1)"
            switch (block, other) {
            case (.prose(let text), let other), (.note(let text), let other):
                var translated: Markdown?
                if case .prose(let found)? = other { translated = found }
                if case .note(let found)? = other { translated = found }
                markdown(key, text, translated, near: here)
            case (.list(let list), let other):
                var translated: ItemList?
                if case .list(let found)? = other { translated = found }
                text(key + ".title", list.title, translated?.title, near: here)
                items(key + ".items", list.items, translated?.items, near: translated?.location ?? here)
            case (.contact(let contact), _):
                let other = translation?.contacts.first { $0.id.value == contact.id.value }
                self.contact("\(prefix).contacts.\(contact.id.value)", contact, other, near: here)
            case (.sharedContact, _):
                continue // walked in contacts.yaml
            }
        }
    }

    private mutating func contact(_ prefix: String, _ reference: ContactBlock, _ translation: ContactBlock?, near: SourceLocation) {
        let here = translation?.id.location ?? near
        text(prefix + ".organisation", reference.organisation, translation?.organisation, near: here)
        for (index, department) in reference.departments.enumerated() {
            let other = translation.flatMap { index < $0.departments.count ? $0.departments[index] : nil }
            let key = "\(prefix).departments.\(index + 1)"
            text(key + ".name", department.name, other?.name, near: here)
            if let attention = department.attention { text(key + ".attention", attention, other?.attention, near: here) }
            if let audience = department.audience { text(key + ".for", audience, other?.audience, near: here) }
        }
        if let address = reference.address, let other = translation?.address {
            placeName(prefix + ".address.street", address.street, other.street)
            placeName(prefix + ".address.city", address.city, other.city)
        }
        for channel in reference.channels {
            let other = translation?.channels.first { $0.id.value == channel.id.value }
            self.channel(prefix + ".channels." + channel.id.value, channel, other, near: other?.id.location ?? here)
        }
    }

    private mutating func channel(_ prefix: String, _ reference: Channel, _ translation: Channel?, near: SourceLocation) {
        if let label = reference.label { text(prefix + ".label", label, translation?.label, near: near) }
        if let note = reference.note { text(prefix + ".note", note, translation?.note, near: near) }
        switch (reference.value.value, translation?.value.value) {
        case (.portal(let path), let other):
            var translated: Located<String>?
            if case .portal(let otherPath)? = other, let translation {
                translated = Located(otherPath.joined(separator: " > "), at: translation.value.location)
            }
            text(prefix + ".portal", Located(path.joined(separator: " > "), at: reference.value.location), translated, near: near)
        case (.url(let original), .url(let url)?):
            guard let translation else { return }
            if translation.notLocalised {
                keptFacts.append(KeptFact(key: prefix + ".url", location: translation.value.location, reference: reference.value.location,
                                          reason: "links to the \(referenceLanguage) page (not_localised: true)"))
            } else if url == original, let entry = equivalents.entry(in: equivalents.urlVariants, reference: referenceLanguage, value: original,
                                                                       normalise: { Normal.url($0) ?? $0 }),
                      entry[language] == nil {
                keptFacts.append(KeptFact(key: prefix + ".url", location: translation.value.location, reference: reference.value.location,
                                          reason: "keeps the \(referenceLanguage) address; url_variants in site.yaml has no \(language) form"))
            }
        default:
            return
        }
    }

    /// A street or city that site.yaml names per language, written as the reference writes it.
    private mutating func placeName(_ key: String, _ reference: Located<String>, _ translation: Located<String>) {
        guard reference.value == translation.value,
              let entry = equivalents.entry(in: equivalents.placeNames, reference: referenceLanguage, value: reference.value),
              entry[language] == nil else { return }
        keptFacts.append(KeptFact(key: key, location: translation.location, reference: reference.location,
                                  reason: "keeps the \(referenceLanguage) name '\(reference.value)'; place_names in site.yaml has no \(language) form"))
    }

    private mutating func items(_ prefix: String, _ reference: [Located<String>], _ translation: [Located<String>]?, near: SourceLocation) {
        for (index, item) in reference.enumerated() {
            let other = translation.flatMap { index < $0.count ? $0[index] : nil }
            text(prefix + ".\(index + 1)", item, other, near: near)
        }
    }

    private mutating func markdown(_ key: String, _ reference: Markdown, _ translation: Markdown?, near: SourceLocation) {
        text(key, Located(reference.source, at: reference.location), translation.map { Located($0.source, at: $0.location) }, near: near)
    }

    private mutating func text(_ key: String, _ reference: Located<String>, _ translation: Located<String>?, near: SourceLocation) {
        fields.append(FieldPair(key: key, reference: reference, translation: translation, near: near))
    }
}
