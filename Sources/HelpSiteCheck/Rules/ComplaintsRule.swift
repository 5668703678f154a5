import HelpSiteModel

/// A page that declares `rules: [complaints]` holds, in every language, each element a
/// complaints procedure must publish: the ESAs Joint Committee's guidelines on complaints
/// handling (JC 2018 35, guideline 6) and the ADR directive (2013/11/EU, article 13).
/// An element is found by the role its section declares (`role:`) and the facts the section
/// holds (a contact with a channel, a list, durations), never by the words of the prose.
struct ComplaintsRule {
    /// One element of the procedure: where it is declared, what it must hold.
    struct Element: Sendable {
        let role: SectionRole
        /// As messages name it: `how to complain: a channel`.
        let name: String
        /// What the section must hold, for the message.
        let needs: String
        /// Whether the page must have it; the internal second review is checked only when declared.
        var required = true
        let holds: @Sendable (Section, LanguageContent) -> Bool
    }

    static let elements: [Element] = [
        Element(role: .howToComplain, name: "how to complain: a channel", needs: "a contact with at least one channel or a postal address") { section, _ in
            section.shownContacts.contains { !$0.channels.isEmpty || $0.address != nil }
        },
        Element(role: .howToComplain, name: "how to complain: what to include", needs: "a list of what to include in a complaint, with at least one item") { section, _ in
            section.blocks.contains { if case .list(let list) = $0 { !list.items.isEmpty } else { false } }
        },
        Element(role: .contactPoint, name: "whom to contact", needs: "a contact naming the department or person (departments) with its address or a channel") { section, _ in
            section.shownContacts.contains { !$0.departments.isEmpty && (!$0.channels.isEmpty || $0.address != nil) }
        },
        Element(role: .responseTimes, name: "acknowledgement and answer times",
                needs: "a note with two durations, a number and a unit of time each (durations: in language.yaml lists the units)") { section, content in
            guard let words = content.strings.durations else { return false }
            return section.blocks.reduce(0) { count, block in
                if case .note(let text) = block { count + words.count(in: text.source) } else { count }
            } >= 2
        },
        Element(role: .secondReview, name: "the internal second review", needs: "a text saying who reviews the complaint", required: false) { section, _ in
            section.blocks.contains { if case .prose = $0 { true } else if case .note = $0 { true } else { false } }
                || !section.shownContacts.isEmpty
        },
        Element(role: .adrEntity, name: "the ADR entity", needs: "a contact with the entity's name and a web address (url channel)") { section, _ in
            section.shownContacts.contains { contact in
                contact.channels.contains { if case .url = $0.value.value { true } else { false } }
            }
        },
        Element(role: .supervisor, name: "the supervisor", needs: "a contact with its address or a channel") { section, _ in
            section.shownContacts.contains { !$0.channels.isEmpty || $0.address != nil }
        },
    ]

    /// The elements `reference` lacks, in its language and in each translation `languages` holds.
    static func check(_ reference: Page, in languages: [LanguageContent]) -> [Diagnostic] {
        guard let declared = reference.rules.first(where: { $0.value == .complaints }) else { return [] }
        var found: [Diagnostic] = []
        for content in languages {
            guard let page = content.page(id: reference.id) else { continue }
            for element in elements {
                // The reference's roles decide; a translation's section is found by its id.
                let sections = reference.sections.filter { $0.roles.contains { $0.value == element.role } }
                guard !sections.isEmpty else {
                    if element.required {
                        found.append(lacking(element, in: page, content, at: SourceLocation(file: page.file), declared: declared,
                                             why: "no section has role: \(element.role.rawValue)"))
                    }
                    continue
                }
                let translated = sections.compactMap { section in page.sections.first { $0.id.value == section.id.value } }
                guard !translated.contains(where: { element.holds($0, content) }) else { continue }
                let place = translated.first?.id.location ?? page.sectionsLocation
                let names = sections.map { "'\($0.id.value)'" }.joined(separator: ", ")
                found.append(lacking(element, in: page, content, at: place, declared: declared,
                                     why: "section \(names) (role: \(element.role.rawValue)) needs \(element.needs)"))
            }
        }
        return found
    }

    private static func lacking(_ element: Element, in page: Page, _ content: LanguageContent, at location: SourceLocation,
                                declared: Located<PageRule>, why: String) -> Diagnostic {
        let elsewhere = location.file != declared.location.file
        return Diagnostic(.error, "the complaints procedure (rules: complaints) lacks \(element.name) in \(content.language.code): \(why)",
                          at: location, notes: elsewhere ? [.init("the rule is declared here", at: declared.location)] : [],
                          code: .ruleMissing, related: elsewhere ? [declared.location] : [])
    }
}
