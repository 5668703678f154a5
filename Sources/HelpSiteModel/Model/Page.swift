/// One page in one language: what a translator edits in `content/<lang>/<id>.yaml`.
public struct Page: Sendable {
    /// The file name without `.yaml`; the same in every language.
    public var id: String
    public var file: String
    /// The localised last part of the page's address: `klachten`, `plaintes`.
    public var slug: Located<String>
    public var title: Located<String>
    /// Plain text for the `<meta name="description">`, and under the page's link on its
    /// language's home page.
    public var description: Located<String>
    /// How the sections are presented (`procedure`, `article`, `faq`, `contact`); the
    /// reference language's file decides, a translation may repeat it.
    public var layout: Located<Layout>
    public var intro: Markdown?
    public var sections: [Section]
    /// Where the list of sections is, to point at when a translation lacks one.
    public var sectionsLocation: SourceLocation
    /// Of the file's text: what an incremental build compares with the previous build's.
    public var fingerprint = Fingerprint()
    /// `updated: 2026-01-03`: the date of last update, kept in the reference language's file;
    /// every language shows the reference's.
    public var updated: Located<CalendarDate>?
    /// `rules: [complaints]`: what the page declares it is, in the reference language's file.
    public var rules: [Located<PageRule>] = []

    public init(
        id: String, file: String, slug: Located<String>, title: Located<String>, description: Located<String>,
        layout: Located<Layout>, intro: Markdown?, sections: [Section], sectionsLocation: SourceLocation
    ) {
        self.id = id
        self.file = file
        self.slug = slug
        self.title = title
        self.description = description
        self.layout = layout
        self.intro = intro
        self.sections = sections
        self.sectionsLocation = sectionsLocation
    }
}

/// How a page presents its sections; each has its template, `templates/<layout>.mustache`.
public enum Layout: String, Sendable, CaseIterable {
    /// Numbered steps: the complaints procedure.
    case procedure
    /// Titled sections, not numbered.
    case article
    /// Each section is a question (its title) and its answer (its blocks), with `FAQPage` JSON-LD.
    case faq
    /// Contact blocks before the text of each section, with `ContactPage` JSON-LD.
    case contact
}

/// A titled part of a page: a step of a procedure, a question of a FAQ.
public struct Section: Sendable {
    /// Stable across languages; also the HTML anchor.
    public var id: Located<String>
    public var title: Located<String>
    /// In a procedure, whether the section is one of the numbered steps (`numbered: false`
    /// for a section after them, such as the insurance ombudsman's).
    public var numbered: Bool
    public var blocks: [Block]
    /// `role: how-to-complain`: what the section is for, as a page rule looks for it.
    public var roles: [Located<SectionRole>]

    public init(id: Located<String>, title: Located<String>, numbered: Bool = true, blocks: [Block],
                roles: [Located<SectionRole>] = []) {
        self.id = id
        self.title = title
        self.numbered = numbered
        self.blocks = blocks
        self.roles = roles
    }

    /// The contact blocks written in this page (not the shared ones, which `contacts.yaml` holds).
    public var contacts: [ContactBlock] {
        blocks.compactMap { if case .contact(let block) = $0 { block } else { nil } }
    }

    /// Every contact the section shows, written here or shared.
    public var shownContacts: [ContactBlock] {
        blocks.compactMap {
            switch $0 {
            case .contact(let block): block
            case .sharedContact(let shared): shared.block
            default: nil
            }
        }
    }

    /// The Markdown texts of the section: its prose and notes, in order.
    public var markdown: [Markdown] {
        blocks.compactMap {
            switch $0 {
            case .prose(let text), .note(let text): text
            default: nil
            }
        }
    }
}

/// One part of a section, shown in order.
public enum Block: Sendable {
    /// Running text (Markdown).
    case prose(Markdown)
    /// A highlighted text (Markdown): response times, a condition.
    case note(Markdown)
    /// A titled list of short items.
    case list(ItemList)
    /// A contact written in the page.
    case contact(ContactBlock)
    /// A contact of `contacts.yaml`, named by its id.
    case sharedContact(SharedContact)

    /// The block's kind as the content file names it.
    public var kind: String {
        switch self {
        case .prose: "prose"
        case .note: "note"
        case .list: "list"
        case .contact, .sharedContact: "contact"
        }
    }

    /// Where the block is written.
    public var location: SourceLocation {
        switch self {
        case .prose(let text), .note(let text): text.location
        case .list(let list): list.location
        case .contact(let block): block.id.location
        case .sharedContact(let shared): shared.reference.location
        }
    }
}

/// What to put in a complaint; the insurance products the procedure covers.
public struct ItemList: Sendable {
    public var title: Located<String>
    public var items: [Located<String>]
    public var location: SourceLocation

    public init(title: Located<String>, items: [Located<String>], location: SourceLocation) {
        self.title = title
        self.items = items
        self.location = location
    }
}

/// A page's reference to a contact of its language's `contacts.yaml`.
public struct SharedContact: Sendable {
    /// The id as the page writes it, where it writes it.
    public var reference: Located<String>
    /// The contact as `contacts.yaml` writes it (its locations are in that file).
    public var block: ContactBlock

    public init(reference: Located<String>, block: ContactBlock) {
        self.reference = reference
        self.block = block
    }
}

/// `content/<lang>/contacts.yaml`: the organisations several pages show, written once.
public struct SharedContacts: Sendable {
    public var file: String
    public var contacts: [ContactBlock]
    /// Of the file's text: every page that refers to one of them depends on it.
    public var fingerprint = Fingerprint()

    public init(file: String, contacts: [ContactBlock]) {
        self.file = file
        self.contacts = contacts
    }

    public static let fileName = LanguageFolder.contactsFile

    public func contact(id: String) -> ContactBlock? {
        contacts.first { $0.id.value == id }
    }
}

/// Markdown source as the translator wrote it, with where its first line sits
/// in the YAML file, so that positions inside it map back to the file.
public struct Markdown: Sendable, Hashable {
    public var source: String
    public var location: SourceLocation

    public init(_ source: String, at location: SourceLocation) {
        self.source = source
        self.location = location
    }
}

extension Page {
    /// Whether this is a language's `contacts.yaml` seen as a page, as the check compares it
    /// (`SiteChecker.checkSharedContacts`): its sections are contacts, and no page rule applies.
    package var isSharedContacts: Bool {
        file.hasSuffix("/" + LanguageFolder.contactsFile)
    }

    /// Every Markdown text of the page: the introduction, then each section's prose and notes.
    package var markdown: [Markdown] {
        (intro.map { [$0] } ?? []) + sections.flatMap(\.markdown)
    }
}
