/// What lists of pages need of a page: its id and file, its slug and title with where they
/// are written, its description, and the fingerprint of its text. A build that reads pages
/// a group at a time keeps only this of each page (for the home pages, the 404 pages, the
/// sitemap and the slug check), and records it, so that a rebuild need not read a page file
/// that did not change.
public struct PageSummary: Equatable, Sendable {
    public var id: String
    public var file: String
    public var slug: Located<String>
    public var title: Located<String>
    /// Shown under the page's link on its language's home page.
    public var description: String
    /// Of the file's text, as `Page.fingerprint`.
    public var fingerprint: Fingerprint
    /// The date of last update the file writes (the reference language's file), as `Page.updated`.
    public var updated: Located<CalendarDate>?

    public init(id: String, file: String, slug: Located<String>, title: Located<String>, description: String = "",
                fingerprint: Fingerprint, updated: Located<CalendarDate>? = nil) {
        self.id = id
        self.file = file
        self.slug = slug
        self.title = title
        self.description = description
        self.fingerprint = fingerprint
        self.updated = updated
    }

    /// A `Page` with only this and its text left out, for the steps that take a whole `Site`
    /// (the site files, the slug check).
    public var page: Page {
        let start = SourceLocation(file: file)
        var page = Page(id: id, file: file, slug: slug, title: title, description: Located(description, at: start),
                        layout: Located(.article, at: start), intro: nil, sections: [], sectionsLocation: start)
        page.fingerprint = fingerprint
        page.updated = updated
        return page
    }
}

extension Page {
    public var summary: PageSummary {
        PageSummary(id: id, file: file, slug: slug, title: title, description: description.value, fingerprint: fingerprint,
                    updated: updated)
    }
}
