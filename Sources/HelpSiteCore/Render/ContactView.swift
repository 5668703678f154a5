/// The values of one contact block's template: the postal lines and each channel
/// with the link a reader follows (`tel:` in E.164, `mailto:`, the web address).
struct ContactView {
    let block: ContactBlock
    let strings: LanguageStrings
    /// The reference language, for links to pages that exist only in it.
    let reference: String
    /// Fields still in the reference language's text, for the preview to mark (`PageView.untranslated`).
    var untranslated: Set<SourceLocation> = []

    func values() -> [String: Any] {
        compact([
            "id": block.id.value,
            "organisation": text(block.organisation),
            "departments": block.departments.map(text),
            "address": block.address.map(address),
            "channels": block.channels.map(channel),
            "hasChannels": !block.channels.isEmpty,
        ])
    }

    private func address(_ address: PostalAddress) -> [String: Any] {
        compact([
            "building": address.building?.value,
            "street": address.streetLine(box: strings.label("box")),
            "locality": "\(address.postalCode.value) \(address.city.value)",
        ])
    }

    private func channel(_ channel: Channel) -> [String: Any] {
        var values = compact([
            "id": channel.id.value,
            "label": channel.label.map(text),
            "note": channel.note.map(text),
        ])
        switch channel.value.value {
        case .phone(let written, let e164):
            values["kind"] = "phone"
            values["href"] = "tel:" + e164
            values["text"] = written
            values["ariaLabel"] = Self.spokenDigits(written)
            values["hours"] = hours(channel.hours)
        case .email(let address):
            values["kind"] = "email"
            values["href"] = "mailto:" + address
            values["text"] = address
        case .url(let url):
            values["kind"] = "url"
            values["href"] = url
            values["text"] = Self.displayText(url)
            if channel.notLocalised {
                values["hreflang"] = reference
                values["notLocalised"] = text(strings.label("not_localised"))
            }
        case .portal(let path):
            values["kind"] = "portal"
            var shown = path.map(HTML.escape).joined(separator: " &gt; ")
            if untranslated.contains(channel.value.location) { shown = UntranslatedMark.wrap(shown) }
            let pathHTML = "<strong>" + shown + "</strong>"
            values["portalHTML"] = HTML.fill(text(strings.label("portal_path")), ["path": pathHTML])
        }
        return values
    }

    private func hours(_ hours: [OpeningHours]) -> [String: Any]? {
        guard !hours.isEmpty else { return nil }
        let formatter = HoursFormatter(strings: strings)
        return ["rows": hours.map { ["days": formatter.days($0.days).sentenceCased, "rangeHTML": formatter.rangeHTML($0)] }]
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

    /// `https://www.ombudsman-insurance.be/` reads as `www.ombudsman-insurance.be`.
    static func displayText(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        if text.hasSuffix("/"), !text.dropLast().contains("/") { text = text.dropLast() }
        return String(text)
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
