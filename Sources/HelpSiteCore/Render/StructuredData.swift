import Foundation

/// JSON-LD (schema.org) for the organisations on a page: each with its postal
/// address and a `ContactPoint` per phone number, e-mail address and web
/// address, built from the same contact data as the page.
struct StructuredData {
    let site: Site
    let page: Page
    let strings: LanguageStrings
    let canonical: String

    /// The JSON, safe inside `<script type="application/ld+json">`: every `<` is escaped,
    /// so no value can close the element.
    func json() -> String {
        let graph: [String: Any] = ["@context": "https://schema.org", "@graph": page.sections.flatMap(\.contacts).map(organisation)]
        return JSONText.encode(graph)
    }

    private func organisation(_ block: ContactBlock) -> [String: Any] {
        var organisation: [String: Any] = [
            "@type": "Organization",
            "@id": canonical + "#contact-" + block.id.value,
            "name": block.organisation.value,
            "contactPoint": block.channels.compactMap { contactPoint($0, block) },
        ]
        if !block.departments.isEmpty {
            organisation["department"] = block.departments.map { ["@type": "Organization", "name": $0.value] }
        }
        if let address = block.address {
            var postal: [String: Any] = [
                "@type": "PostalAddress", "streetAddress": address.streetLine(box: strings.label("box")), "postalCode": address.postalCode.value,
                "addressLocality": address.city.value, "addressCountry": site.settings.phoneRegion.value,
            ]
            if let building = address.building { postal["name"] = building.value }
            organisation["address"] = postal
        }
        return organisation
    }

    private func contactPoint(_ channel: Channel, _ block: ContactBlock) -> [String: Any]? {
        var point: [String: Any] = ["@type": "ContactPoint", "contactType": channel.label?.value ?? channel.id.value]
        switch channel.value.value {
        case .phone(_, let e164): point["telephone"] = e164
        case .email(let address): point["email"] = address
        case .url(let url): point["url"] = url
        case .portal: return nil
        }
        if !block.languages.isEmpty { point["availableLanguage"] = block.languages.map(\.value) }
        if !channel.hours.isEmpty {
            point["hoursAvailable"] = channel.hours.map { hours in
                [
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": hours.days.map { "https://schema.org/" + $0.schemaName },
                    "opens": hours.opens.description, "closes": hours.closes.description,
                ] as [String: Any]
            }
        }
        return point
    }
}
