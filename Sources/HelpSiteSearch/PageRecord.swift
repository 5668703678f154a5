import HelpSiteModel

/// What the search index holds of one page in one language: where it is, its title, and
/// its sections (the page top, each section, each contact block) with their text and
/// weighted terms. A page's record depends on nothing but the page, its language and the
/// site's settings, so the records of a group of pages can be kept between builds
/// (`SearchRecordCache`) and merged with others (`SearchIndex`).
package struct PageRecord: Equatable, Sendable {
    /// The page id, the same in every language.
    package var id: String
    /// The page's folder, relative to the site's root: `nl/klachten/`.
    package var path: String
    package var title: String
    package var sections: [SectionRecord]

    package init(id: String, path: String, title: String, sections: [SectionRecord]) {
        self.id = id
        self.path = path
        self.title = title
        self.sections = sections
    }

    /// The page's file of the index, `p/<number>.json`, fetched for a result's excerpts:
    /// `{"s":[[anchor, section title, text], …],"t":page title,"u":"nl/klachten/"}`.
    package var json: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(sections.reduce(64) { $0 + $1.text.utf8.count + $1.title.utf8.count + 16 })
        output.append(contentsOf: #"{"s":["#.utf8)
        for (index, section) in sections.enumerated() {
            output.append(contentsOf: (index == 0 ? "[" : ",[").utf8)
            JSONText.writeString(section.anchor, into: &output)
            output.append(UInt8(ascii: ","))
            JSONText.writeString(section.title, into: &output)
            output.append(UInt8(ascii: ","))
            JSONText.writeString(section.text, into: &output)
            output.append(UInt8(ascii: "]"))
        }
        output.append(contentsOf: #"],"t":"#.utf8)
        JSONText.writeString(title, into: &output)
        output.append(contentsOf: #","u":"#.utf8)
        JSONText.writeString(path, into: &output)
        output.append(UInt8(ascii: "}"))
        return output
    }
}

/// One section of a page as the index holds it.
package struct SectionRecord: Equatable, Sendable {
    /// The HTML anchor of the section on its page: its id, `contact-<id>` for a contact
    /// block, empty for the page top.
    package var anchor: String
    package var title: String
    /// What a result's excerpt is taken from: the section's text as a reader sees it.
    package var text: String
    /// Sorted by term.
    package var terms: [TermWeight]

    package init(anchor: String, title: String, text: String, terms: [TermWeight]) {
        self.anchor = anchor
        self.title = title
        self.text = text
        self.terms = terms
    }
}

/// The records of one group of pages: per language of the site, in its order, the
/// group's pages in that language.
package struct GroupRecords: Equatable, Sendable {
    package var languages: [[PageRecord]]

    package init(languages: [[PageRecord]]) {
        self.languages = languages
    }
}
