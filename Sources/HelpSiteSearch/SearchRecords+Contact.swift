import HelpSiteModel

extension SectionBuilder {
    /// A contact block as a section of its own, `#contact-<id>`, titled by its organisation:
    /// its text is what the block shows (departments, each channel's label, value and note, the
    /// postal address); its phone numbers (national digits) and e-mail addresses are facts.
    mutating func contact(_ block: ContactBlock) {
        var text = Text(marks: marks)
        var facts: [String] = []
        for department in block.departments {
            let line = [department.attention, department.name].compactMap { $0 }.filter { !marks.contains($0.location) }
            if !line.isEmpty { text.add(line.map(\.value).joined(separator: " ")) }
            if let audience = department.audience { text.add(audience) }
        }
        for channel in block.channels {
            if let label = channel.label { text.add(label) }
            switch channel.value.value {
            case .phone(let written, let e164):
                text.add(written)
                facts.append(SearchText.nationalDigits(e164: e164, callingCode: records.callingCode))
            case .email(let address):
                text.add(address)
                facts.append(SearchText.asciiLowercased(address))
            case .url(let url):
                text.add(ContactBlock.displayText(ofWebsite: url))
            case .portal(let path):
                if !marks.contains(channel.value.location) { text.add(path.joined(separator: " > ")) }
            }
            if let note = channel.note { text.add(note) }
        }
        if let address = block.address {
            text.add(strings.label("address"))
            if let building = address.building { text.add(building) }
            var street = "\(shown(address.street)) \(address.number.value)"
            if let box = address.box { street += ", \(strings.label("box")) \(box.value)" }
            text.add(street)
            text.add("\(address.postalCode.value) \(shown(address.city))")
        }
        add(anchor: "contact-\(block.id.value)", title: block.organisation.value, text: text,
            fields: [(shown(block.organisation), SearchTerms.Field.title)], facts: facts)
    }
}
