import Foundation
import HelpSiteModel

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
        let graph: JSONValue = ["@context": "https://schema.org", "@graph": .array(page.sections.flatMap(\.contacts).map(organisation))]
        return JSONText.encode(graph)
    }

    private func organisation(_ block: ContactBlock) -> JSONValue {
        var organisation: JSONValue = [
            "@type": "Organization",
            "@id": .string(canonical + "#contact-" + block.id.value),
            "name": .string(block.organisation.value),
            "contactPoint": .array(block.channels.compactMap { contactPoint($0, block) }),
        ]
        if !block.departments.isEmpty {
            organisation["department"] = .array(block.departments.map { ["@type": "Organization", "name": .string($0.value)] })
        }
        if let address = block.address {
            var postal: JSONValue = [
                "@type": "PostalAddress", "streetAddress": .string(address.streetLine(box: strings.label("box"))),
                "postalCode": .string(address.postalCode.value),
                "addressLocality": .string(address.city.value), "addressCountry": .string(site.settings.phoneRegion.value),
            ]
            if let building = address.building { postal["name"] = .string(building.value) }
            organisation["address"] = postal
        }
        return organisation
    }

    private func contactPoint(_ channel: Channel, _ block: ContactBlock) -> JSONValue? {
        var point: JSONValue = ["@type": "ContactPoint", "contactType": .string(channel.label?.value ?? channel.id.value)]
        switch channel.value.value {
        case .phone(_, let e164): point["telephone"] = .string(e164)
        case .email(let address): point["email"] = .string(address)
        case .url(let url): point["url"] = .string(url)
        case .portal: return nil
        }
        if !block.languages.isEmpty { point["availableLanguage"] = .array(block.languages.map { .string($0.value) }) }
        if !channel.hours.isEmpty {
            point["hoursAvailable"] = .array(channel.hours.map { hours in
                [
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": .array(hours.days.map { .string("https://schema.org/" + $0.schemaName) }),
                    "opens": .string(hours.opens.description), "closes": .string(hours.closes.description),
                ]
            })
        }
        return point
    }
}
