import HelpSiteModel

/// The values of one contact block's template: the postal lines and each channel
/// with the link a reader follows (`tel:` in E.164, `mailto:`, the web address).
struct ContactView {
    let block: ContactBlock
    let strings: LanguageStrings
    /// The reference language, for links to pages that exist only in it.
    let reference: String
    /// Fields still in the reference language's text, for the preview to mark (`PageView.untranslated`).
    var untranslated: Set<SourceLocation> = []

    func values() -> TemplateObject {
        TemplateObject([
            "id": .text(block.id.value),
            "organisation": .text(text(block.organisation)),
            "departments": .list(block.departments.map { .text(attentionLine($0)) }),
            "address": block.address.map { .object(address($0)) },
            "postal": .list(block.address.map { address in postalBlocks().map { .object(postal($0, address)) } } ?? []),
            "channels": .list(block.channels.map { .object(channel($0)) }),
            "hasChannels": .bool(!block.channels.isEmpty),
        ])
    }

    /// The departments each postal block is addressed to: one block per department labelled
    /// with its customers (`for:`), so that a visitor copying it onto an envelope copies one
    /// attention line; the unlabelled ones are in every block.
    func postalBlocks() -> [(audience: Located<String>?, departments: [Department])] {
        let labelled = block.departments.filter { $0.audience != nil }
        guard !labelled.isEmpty else { return [(nil, block.departments)] }
        return labelled.map { department in
            (department.audience, block.departments.filter { $0.audience == nil || $0.name.location == department.name.location })
        }
    }

    private func postal(_ part: (audience: Located<String>?, departments: [Department]), _ address: PostalAddress) -> TemplateObject {
        var values = self.address(address)
        values["audience"] = part.audience.map { .text(text($0)) }
        values["lines"] = .list(part.departments.map { .text(attentionLine($0)) })
        return values
    }

    /// `t.a.v. Operationele dienst / SRC (B2C-klanten)`, each part marked where untranslated.
    private func attentionLine(_ department: Department) -> String {
        [department.attention, department.name].compactMap { $0 }.map { text($0) }.joined(separator: " ")
    }

    private func address(_ address: PostalAddress) -> TemplateObject {
        TemplateObject([
            "building": address.building.map { .text($0.value) },
            "street": .text(address.streetLine(box: strings.label("box"))),
            "locality": .text("\(address.postalCode.value) \(address.city.value)"),
        ])
    }

    private func channel(_ channel: Channel) -> TemplateObject {
        var values = TemplateObject([
            "id": .text(channel.id.value),
            "label": channel.label.map { .text(text($0)) },
            "note": channel.note.map { .text(text($0)) },
        ])
        switch channel.value.value {
        case .phone(let written, let e164):
            values["kind"] = .text("phone")
            values["href"] = .text("tel:" + e164)
            values["text"] = .text(written)
            values["ariaLabel"] = .text(Self.spokenDigits(written))
            values["hours"] = hours(channel.hours)
        case .email(let address):
            values["kind"] = .text("email")
            values["href"] = .text("mailto:" + address)
            values["text"] = .text(address)
        case .url(let url):
            values["kind"] = .text("url")
            values["href"] = .text(url)
            values["text"] = .text(ContactBlock.displayText(ofWebsite: url))
            if channel.notLocalised {
                values["hreflang"] = .text(reference)
                values["notLocalised"] = .text(text(strings.label("not_localised")))
            }
        case .portal(let path):
            values["kind"] = .text("portal")
            var shown = path.map(HTML.escape).joined(separator: " &gt; ")
            if untranslated.contains(channel.value.location) { shown = UntranslatedMark.wrap(shown) }
            let pathHTML = "<strong>" + shown + "</strong>"
            values["portalHTML"] = .text(HTML.fill(text(strings.label("portal_path")), ["path": pathHTML]))
        }
        return values
    }

    private func hours(_ hours: [OpeningHours]) -> TemplateValue? {
        guard !hours.isEmpty else { return nil }
        let formatter = HoursFormatter(strings: strings)
        return .object(TemplateObject(["rows": .list(hours.map {
            .object(TemplateObject(["days": .text(formatter.days($0.days).sentenceCased), "rangeHTML": .text(formatter.rangeHTML($0))]))
        })]))
    }

    private func text(_ value: String) -> String {
        strings.typography.apply(value)
    }

    private func text(_ value: Located<String>) -> String {
        untranslated.contains(value.location) ? UntranslatedMark.wrap(text(value.value)) : text(value.value)
    }

    /// `00 32 2 370 77 11` → `0 0, 3 2, 2, 3 7 0, 7 7, 1 1`: a screen reader reads a phone
    /// number digit by digit, pausing between the groups the reader sees, instead of
    /// "three hundred and seventy".
    static func spokenDigits(_ written: String) -> String {
        written.split { !$0.isNumber && $0 != "+" }
            .map { group in group.map(String.init).joined(separator: " ") }
            .joined(separator: ", ")
    }
}

extension PostalAddress {
    /// `Avenue du Bourget 20, boîte 1`, with the language's word for a box.
    func streetLine(box word: String) -> String {
        var line = "\(street.value) \(number.value)"
        if let box { line += ", \(word) \(box.value)" }
        return line
    }
}
