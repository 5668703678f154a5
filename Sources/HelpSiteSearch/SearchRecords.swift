import HelpSiteModel
import HelpSiteMarkdown

/// Loaded pages → their records in the search index (`PageRecord`), a group of pages at a
/// time, as the build reads them.
///
/// A section is what a result links to: the page top (its title, description and
/// introduction, no anchor), each section of the page (`#<section id>`), and each contact
/// block, written in the page or shared from `contacts.yaml` (`#contact-<id>`, as
/// `templates/contact-block.mustache` renders it). A contact's facts are indexed as data:
/// phone numbers as national digits, e-mail addresses whole, the postal code and the street
/// as words of its text.
package struct SearchRecords {
    /// The region national phone numbers are read in (`phone_region` of site.yaml).
    let region: String
    let callingCode: String
    /// Language → the places of its text a preview marks untranslated (still in the
    /// reference language): left out of that language's index. Empty for a published site.
    let untranslated: [String: Set<SourceLocation>]
    /// Where the check left the group's parsed Markdown, read without being used up.
    let parses: MarkdownParses?

    package init(settings: SiteSettings, untranslated: [String: Set<SourceLocation>] = [:], parses: MarkdownParses? = nil) {
        region = settings.phoneRegion.value
        callingCode = PhoneNumber.callingCodes[settings.phoneRegion.value] ?? ""
        self.untranslated = untranslated
        self.parses = parses
    }

    /// The records of every page of `group`, per language in the site's order.
    /// - Parameter terms: per language code, the term maker to use (made when missing).
    package func records(of group: Site, terms: [String: SearchTerms] = [:]) -> GroupRecords {
        GroupRecords(languages: group.languages.map { content in
            let code = content.language.code
            let maker = terms[code] ?? SearchTerms(language: code), shared = ContactSections()
            let pages = content.pages.map { IndexedPage(record(of: $0, in: content, terms: maker, shared: shared)) }
            return LanguageRecords(terms: maker.terms, pages: pages)
        })
    }

    /// One page's record in its language.
    /// - Parameter shared: the sections of shared contacts made for other pages with `terms`.
    package func record(of page: Page, in content: LanguageContent, terms: SearchTerms, shared: ContactSections? = nil) -> PageRecord {
        var builder = SectionBuilder(records: self, strings: content.strings,
                                     marks: untranslated[content.language.code] ?? [], terms: terms, shared: shared)
        builder.top(page)
        for section in page.sections { builder.section(section) }
        return PageRecord(id: page.id, path: "\(content.language.code)/\(page.slug.value)/", title: page.title.value,
                          sections: builder.sections)
    }

    /// Plain text of Markdown, as a reader sees it.
    func plain(_ markdown: Markdown) -> String {
        CommonMark.plainText(markdown.source, parses: parses)
    }
}

/// The sections of one page, made one after the other.
struct SectionBuilder {
    let records: SearchRecords
    let strings: LanguageStrings
    let marks: Set<SourceLocation>
    let terms: SearchTerms
    let shared: ContactSections?
    private(set) var sections: [SectionRecord] = []

    init(records: SearchRecords, strings: LanguageStrings, marks: Set<SourceLocation>, terms: SearchTerms, shared: ContactSections? = nil) {
        self.records = records
        self.strings = strings
        self.marks = marks
        self.terms = terms
        self.shared = shared
    }

    /// The page top: the title, the description and the introduction; the page's title
    /// counts as its title and, once more, as the page's.
    mutating func top(_ page: Page) {
        var text = Text(marks: marks)
        text.add(page.description)
        if let intro = page.intro { text.add(intro, plain: records.plain) }
        let title = shown(page.title)
        add(anchor: "", title: page.title.value, text: text, fields: [(title, SearchTerms.Field.title), (title, SearchTerms.Field.page)])
    }

    /// A section, then each of its contact blocks as a section of its own.
    mutating func section(_ section: Section) {
        var text = Text(marks: marks)
        var contacts: [(block: ContactBlock, isShared: Bool)] = []
        for block in section.blocks {
            switch block {
            case .prose(let markdown), .note(let markdown):
                text.add(markdown, plain: records.plain)
            case .list(let list):
                text.add(list.title)
                list.items.forEach { text.add($0) }
            case .contact(let contact):
                contacts.append((contact, false))
            case .sharedContact(let shared):
                contacts.append((shared.block, true))
            }
        }
        add(anchor: section.id.value, title: section.title.value, text: text, fields: [(shown(section.title), SearchTerms.Field.title)])
        for (contact, isShared) in contacts {
            guard isShared, let shared else {
                self.contact(contact)
                continue
            }
            if let made = shared.sections[contact.id.value] {
                sections.append(made)
            } else {
                self.contact(contact)
                shared.sections[contact.id.value] = sections.last
            }
        }
    }

    /// The text of a field, or nothing when it is marked untranslated.
    func shown(_ value: Located<String>) -> String {
        marks.contains(value.location) ? "" : value.value
    }

    mutating func add(anchor: String, title: String, text: Text, fields: [(String, Double)], facts: [String] = []) {
        let body = text.joined
        let found = SearchText.phoneNumbers(in: body, region: records.region) + SearchText.emailAddresses(in: body)
        let weights = terms.weights(fields: fields + [(body, SearchTerms.Field.text)], facts: Set(facts + found))
        sections.append(SectionRecord(anchor: anchor, title: title, text: body, terms: terms.named(weights), numbered: weights))
    }
}

/// The sections of a language's shared contacts made so far, by id, for one term maker: a
/// shared contact's section is the same on every page that shows it, and its words are
/// weighed once.
package final class ContactSections {
    var sections: [String: SectionRecord] = [:]

    package init() {}
}

/// A section's text, part by part, without the parts marked untranslated.
struct Text {
    let marks: Set<SourceLocation>
    var parts: [String] = []

    init(marks: Set<SourceLocation>) {
        self.marks = marks
    }

    mutating func add(_ value: Located<String>) {
        guard !marks.contains(value.location) else { return }
        add(value.value)
    }

    mutating func add(_ markdown: Markdown, plain: (Markdown) -> String) {
        guard !marks.contains(markdown.location) else { return }
        add(plain(markdown))
    }

    /// Each line of `text` (a block of Markdown, a list item, a line of a contact) a part,
    /// without the spaces around it.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                var first = start, last = end
                while first < last, Self.isSpace(bytes[first]) { first += 1 }
                while last > first, Self.isSpace(bytes[last - 1]) { last -= 1 }
                if first < last { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)) }
                start = end + 1
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// The parts joined by a space after a sentence, by a middle dot otherwise, so that an
    /// excerpt does not run a list's items or a contact's lines into one sentence.
    var joined: String {
        var text = ""
        for part in parts {
            if let last = text.utf8.last {
                // `.!?:;` or the end of `…` (E2 80 A6).
                text += ".!?:;".utf8.contains(last) || (last == 0xA6 && text.hasSuffix("…")) ? " " : " · "
            }
            text += part
        }
        return text
    }
}
