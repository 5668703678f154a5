import Foundation
import HelpSiteModel

/// JSON-LD (schema.org) for a page: the page itself (a `WebPage`, or the `FAQPage` or
/// `ContactPage` its layout makes it) with its breadcrumbs, and the organisations it shows,
/// each with its postal address and a `ContactPoint` per phone number, e-mail address and
/// web address, built from the same contact data as the page.
struct StructuredData {
    let site: Site
    let page: Page
    let strings: LanguageStrings
    let canonical: String
    /// The page's language code.
    let language: String
    /// Home, group, page: as the visible breadcrumbs.
    var breadcrumbs: [PageNavigation.Crumb] = []
    /// A FAQ's answers as HTML, question by question (its sections in order).
    var answers: [String] = []
    /// The date of last update: `dateModified`.
    var updated: CalendarDate?

    /// The JSON, safe inside `<script type="application/ld+json">`: every `<` is escaped,
    /// so no value can close the element.
    func json() -> String {
        let organisations = page.sections.flatMap(\.shownContacts).map(organisation)
        let graph: JSONValue = ["@context": "https://schema.org", "@graph": .array([webPage()] + organisations)]
        return JSONText.encode(graph)
    }

    /// Text as the page shows it: French puts no-break spaces before `?` and `:`.
    private func text(_ value: String) -> String {
        strings.typography.apply(value)
    }

    private func webPage() -> JSONValue {
        let type = switch page.layout.value {
        case .faq: "FAQPage"
        case .contact: "ContactPage"
        case .procedure, .article: "WebPage"
        }
        var node: JSONValue = [
            "@type": .string(type), "@id": .string(canonical), "url": .string(canonical), "name": .string(text(page.title.value)),
            "description": .string(text(page.description.value)), "inLanguage": .string(language),
        ]
        if let updated { node["dateModified"] = .string(updated.description) }
        if !breadcrumbs.isEmpty {
            node["breadcrumb"] = [
                "@type": "BreadcrumbList",
                "itemListElement": .array(breadcrumbs.enumerated().map { index, crumb in
                    ["@type": "ListItem", "position": .int(index + 1), "name": .string(text(crumb.name)),
                     "item": .string(site.settings.baseURL.value + crumb.path)]
                }),
            ]
        }
        if page.layout.value == .faq {
            node["mainEntity"] = .array(zip(page.sections, answers).map { section, answer in
                ["@type": "Question", "name": .string(text(section.title.value)),
                 "acceptedAnswer": ["@type": "Answer", "text": .string(answer)]]
            })
        }
        let contacts = page.sections.flatMap(\.shownContacts)
        if page.layout.value == .contact, !contacts.isEmpty {
            node["mainEntity"] = .array(contacts.map { ["@id": .string(canonical + "#contact-" + $0.id.value)] })
        }
        return node
    }

    private func organisation(_ block: ContactBlock) -> JSONValue {
        var organisation: JSONValue = [
            "@type": "Organization",
            "@id": .string(canonical + "#contact-" + block.id.value),
            "name": .string(block.organisation.value),
            "contactPoint": .array(block.channels.compactMap { contactPoint($0, block) }),
        ]
        if !block.departments.isEmpty {
            organisation["department"] = .array(block.departments.map { ["@type": "Organization", "name": .string($0.name.value)] })
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
        var point: JSONValue = ["@type": "ContactPoint", "contactType": .string(text(channel.label?.value ?? channel.id.value))]
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
