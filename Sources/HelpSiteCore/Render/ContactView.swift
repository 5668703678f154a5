/// The values of one contact block's template: the postal lines and each channel
/// with the link a reader follows (`tel:` in E.164, `mailto:`, the web address).
struct ContactView {
    let block: ContactBlock
    let strings: LanguageStrings
    /// The reference language, for links to pages that exist only in it.
    let reference: String

    func values() -> [String: Any] {
        compact([
            "id": block.id.value,
            "organisation": block.organisation.value,
            "departments": block.departments.map(\.value),
            "address": block.address.map(address),
            "channels": block.channels.map(channel),
            "hasChannels": !block.channels.isEmpty,
        ])
    }

    private func address(_ address: PostalAddress) -> [String: Any] {
        var street = "\(address.street.value) \(address.number.value)"
        if let box = address.box { street += ", \(strings.label("box")) \(box.value)" }
        return compact([
            "building": address.building?.value,
            "street": street,
            "locality": "\(address.postalCode.value) \(address.city.value)",
        ])
    }

    private func channel(_ channel: Channel) -> [String: Any] {
        var values = compact([
            "id": channel.id.value,
            "label": channel.label?.value,
            "note": channel.note?.value,
        ])
        switch channel.value.value {
        case .phone(let written, let e164):
            values["kind"] = "phone"
            values["href"] = "tel:" + e164
            values["text"] = written
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
                values["notLocalised"] = strings.label("not_localised")
            }
        case .portal(let path):
            values["kind"] = "portal"
            let pathHTML = "<strong>" + path.map(HTML.escape).joined(separator: " &gt; ") + "</strong>"
            values["portalHTML"] = HTML.fill(strings.label("portal_path"), ["path": pathHTML])
        }
        return values
    }

    private func hours(_ hours: [OpeningHours]) -> [String: Any]? {
        guard !hours.isEmpty else { return nil }
        let formatter = HoursFormatter(strings: strings)
        return ["rows": hours.map { ["days": formatter.days($0.days).sentenceCased, "rangeHTML": formatter.rangeHTML($0)] }]
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
