/// One page in one language: what a translator edits in `content/<lang>/<id>.yaml`.
public struct Page: Sendable {
    /// The file name without `.yaml`; the same in every language.
    public var id: String
    public var file: String
    /// The localised last part of the page's address: `klachten`, `plaintes`.
    public var slug: Located<String>
    public var title: Located<String>
    /// Plain text for the `<meta name="description">`.
    public var description: Located<String>
    public var intro: Markdown
    public var steps: [Section]
    /// Where the list of steps is, to point at when a translation lacks one.
    public var stepsLocation: SourceLocation
    public var checklist: Checklist?
    public var commitments: Markdown?
    public var insurance: InsuranceSection?
    /// Of the file's text: what an incremental build compares with the previous build's.
    public var fingerprint = Fingerprint()

    public init(
        id: String, file: String, slug: Located<String>, title: Located<String>,
        description: Located<String>, intro: Markdown, steps: [Section], stepsLocation: SourceLocation,
        checklist: Checklist?, commitments: Markdown?, insurance: InsuranceSection?
    ) {
        self.id = id
        self.file = file
        self.slug = slug
        self.title = title
        self.description = description
        self.intro = intro
        self.steps = steps
        self.stepsLocation = stepsLocation
        self.checklist = checklist
        self.commitments = commitments
        self.insurance = insurance
    }
}

/// A step of the procedure, or any titled part of a page with prose and contacts.
public struct Section: Sendable {
    /// Stable across languages; also the HTML anchor.
    public var id: Located<String>
    public var title: Located<String>
    public var body: Markdown?
    public var contacts: [ContactBlock]

    public init(id: Located<String>, title: Located<String>, body: Markdown?, contacts: [ContactBlock]) {
        self.id = id
        self.title = title
        self.body = body
        self.contacts = contacts
    }
}

/// What to put in a complaint.
public struct Checklist: Sendable {
    public var title: Located<String>
    public var items: [Located<String>]

    public init(title: Located<String>, items: [Located<String>]) {
        self.title = title
        self.items = items
    }
}

/// The insurance ombudsman's section, with the products the procedure covers.
public struct InsuranceSection: Sendable {
    public var section: Section
    public var products: ProductList

    public init(section: Section, products: ProductList) {
        self.section = section
        self.products = products
    }
}

public struct ProductList: Sendable {
    public var title: Located<String>
    public var items: [Located<String>]
    public var note: Located<String>?

    public init(title: Located<String>, items: [Located<String>], note: Located<String>?) {
        self.title = title
        self.items = items
        self.note = note
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
    /// The steps, then the insurance section: every part with an id and contacts.
    package var sections: [Section] {
        steps + (insurance.map { [$0.section] } ?? [])
    }
}
