import Foundation
import HelpSiteModel
import HelpSiteContent

/// A fact the content publishes for an outside organisation that must still be on a page
/// of theirs (`outside_facts:` in site.yaml), in the form it is compared in, with where the
/// content writes it.
package struct ExpectedFact: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// E.164.
        case phone(String)
        /// `Normal.email`.
        case email(String)
        /// Letters and digits, upper case: `1000`.
        case postalCode(String)
        /// Every form of the street (`place_names`), and the house number beside it.
        case street([String], number: String)
        /// Every form of the city.
        case city([String])
        /// `Normal.url`.
        case url(String)
    }

    package var kind: Kind
    /// For messages: `phone number +3225457770`, `street Koning Albert II-laan 8`.
    package var description: String
    package var location: SourceLocation
}

/// One entry of `outside_facts:` with the facts it asks for, taken from the reference
/// language's contact block.
package struct OutsideExpectation: Sendable {
    package var entry: OutsidePage
    package var organisation: String
    package var facts: [ExpectedFact]

    /// Each entry of `settings.outsideFacts` with its facts; an unknown contact or fact is an
    /// error at its place in site.yaml.
    package static func resolve(_ settings: SiteSettings, reference: LanguageContent) -> ([OutsideExpectation], Diagnostics) {
        var diagnostics = Diagnostics()
        let blocks = contactBlocks(of: reference)
        var expectations: [OutsideExpectation] = []
        for entry in settings.outsideFacts {
            guard let block = blocks.first(where: { $0.id.value == entry.contact.value }) else {
                diagnostics.error("no contact block of \(reference.language.code) has the id '\(entry.contact.value)'; name one of \(Set(blocks.map(\.id.value)).sorted().joined(separator: ", "))",
                                  at: entry.contact.location)
                continue
            }
            var facts: [ExpectedFact] = []
            for name in entry.facts {
                if name.value == OutsidePage.addressFact {
                    guard let address = block.address else {
                        diagnostics.error("contact '\(block.id.value)' has no postal address", at: name.location)
                        continue
                    }
                    facts += addressFacts(address, settings.equivalents)
                } else if let channel = block.channels.first(where: { $0.id.value == name.value }), let fact = fact(of: channel, region: settings.phoneRegion.value) {
                    facts.append(fact)
                } else {
                    let names = [OutsidePage.addressFact] + block.channels.filter { fact(of: $0, region: settings.phoneRegion.value) != nil }.map(\.id.value)
                    diagnostics.error("'\(name.value)' is not a fact of contact '\(block.id.value)'; write one of \(names.joined(separator: ", "))",
                                      at: name.location)
                }
            }
            expectations.append(OutsideExpectation(entry: entry, organisation: block.organisation.value, facts: facts))
        }
        return (expectations, diagnostics)
    }

    /// Every contact block of a language: its shared contacts (contacts.yaml), then those
    /// written in its pages.
    static func contactBlocks(of content: LanguageContent) -> [ContactBlock] {
        (content.contacts?.contacts ?? []) + content.pages.flatMap { $0.sections.flatMap(\.contacts) }
    }

    private static func fact(of channel: Channel, region: String) -> ExpectedFact? {
        switch channel.value.value {
        case .phone(let written, let e164):
            return ExpectedFact(kind: .phone(e164), description: "phone number \(written)", location: channel.value.location)
        case .email(let address):
            return Normal.email(address).map { ExpectedFact(kind: .email($0), description: "e-mail address \(address)", location: channel.value.location) }
        case .url(let url):
            return Normal.url(url).map { ExpectedFact(kind: .url($0), description: "web address \(url)", location: channel.value.location) }
        case .portal:
            return nil
        }
    }

    /// The street with its number, the postal code and the city: each may change alone.
    private static func addressFacts(_ address: PostalAddress, _ equivalents: FactEquivalents) -> [ExpectedFact] {
        func forms(_ name: String) -> [String] {
            let entry = equivalents.placeNames.first { $0.values.contains { $0.value == name } }
            return Array(Set([name] + (entry?.values.map(\.value) ?? []))).sorted()
        }
        let code = address.postalCode.value.filter { $0.isLetter || $0.isNumber }.uppercased()
        return [
            ExpectedFact(kind: .street(forms(address.street.value), number: address.number.value),
                         description: "street \(address.street.value) \(address.number.value)", location: address.street.location),
            ExpectedFact(kind: .postalCode(code), description: "postal code \(address.postalCode.value)", location: address.postalCode.location),
            ExpectedFact(kind: .city(forms(address.city.value)), description: "city \(address.city.value)", location: address.city.location),
        ]
    }
}

extension OutsideExpectation {
    /// The expectations of the site in `contentDirectory`, whose pages are read for them (in
    /// the reference language); a content that does not read is a warning, and no fact is
    /// checked.
    package static func resolve(contentDirectory: String, settings: SiteSettings) -> ([OutsideExpectation], Diagnostics) {
        let (site, problems) = SiteLoader.load(contentDirectory: contentDirectory)
        guard let reference = site?.reference, !problems.hasErrors else {
            let file = Paths.join(contentDirectory, "site.yaml")
            let reason = problems.sorted.first.map { ": \($0.description)" } ?? ""
            return ([], Diagnostics([Diagnostic(.warning, "the content does not read, so the facts of outside_facts: are not checked\(reason)",
                                                at: SourceLocation(file: file), code: .linkContent)]))
        }
        return resolve(settings, reference: reference)
    }
}
