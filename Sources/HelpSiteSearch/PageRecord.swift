import Foundation
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
    /// Its terms, in the order the section first has them.
    package var terms: [TermWeight]
    /// The same by their numbers in the group's `SearchTerms`.
    package var numbered: [SectionTerm]

    package init(anchor: String, title: String, text: String, terms: [TermWeight], numbered: [SectionTerm]) {
        self.anchor = anchor
        self.title = title
        self.text = text
        self.terms = terms
        self.numbered = numbered
    }
}

/// A term of a section by its number among the terms of its group of pages, and its weight.
package struct SectionTerm: Equatable, Sendable {
    package var term: Int32
    package var weight: UInt8

    package init(term: Int32, weight: UInt8) {
        self.term = term
        self.weight = weight
    }
}

/// A page as the index keeps it once made: its file's bytes (`PageRecord.json`), a
/// fingerprint of them, and each section's terms by their numbers in its group.
package struct IndexedPage: Equatable, Sendable {
    package var id: String
    /// The page's file; nil for a page read from the cache, whose file the last build wrote
    /// (as `p/<written>.json`), and which is taken from there when it must be written again.
    package var json: Data?
    /// What the page's file is recorded as made from: its bytes, fingerprinted once here, so
    /// that a build that takes the page from the cache neither hashes nor rewrites an unchanged file.
    package var fingerprint: String
    package var sections: [[SectionTerm]]
    /// The page's number when its file was written, for a page read from the cache.
    package var written: Int?
    /// The fingerprint of the page file the record was made from (`Page.fingerprint`), by which
    /// a build tells whether the record kept for it still stands; 0 until the build sets it.
    package var source: UInt64

    package init(id: String, json: Data?, fingerprint: String, sections: [[SectionTerm]], written: Int? = nil, source: UInt64 = 0) {
        self.id = id
        self.json = json
        self.fingerprint = fingerprint
        self.sections = sections
        self.written = written
        self.source = source
    }

    package init(_ record: PageRecord) {
        let json = Data(record.json)
        self.init(id: record.id, json: json, fingerprint: Self.fingerprint(of: json), sections: record.sections.map(\.numbered))
    }

    /// The fingerprint a page file is recorded with.
    package static func fingerprint(of json: Data) -> String {
        var fingerprint = Fingerprint("search page")
        json.withUnsafeBytes { fingerprint.add(bytes: $0) }
        return fingerprint.description
    }
}

/// The records of one group of pages in one language: its pages, and the terms their
/// sections name by number.
package struct LanguageRecords: Equatable, Sendable {
    package var terms: [String]
    package var pages: [IndexedPage]

    package init(terms: [String], pages: [IndexedPage]) {
        self.terms = terms
        self.pages = pages
    }

    /// The pages `ids`, in that order, each from `fresh` where it has one, else from these
    /// records; nil when neither has one of them. The terms are numbered again in the order the
    /// pages first name them, as the records of a group read whole number them, and a term
    /// no page names any more is left out.
    package func merging(_ fresh: LanguageRecords, order ids: some Sequence<String>) -> LanguageRecords? {
        let kept = Dictionary(pages.indices.map { (pages[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let made = Dictionary(fresh.pages.indices.map { (fresh.pages[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var merged = LanguageRecords(terms: [], pages: [])
        // A term by its name (both sources may have it); per source of terms (these records,
        // `fresh`), each old number's new one, -1 until looked up.
        var numbers: [String: Int32] = [:]
        var renumbered = [[Int32](repeating: -1, count: terms.count), [Int32](repeating: -1, count: fresh.terms.count)]
        for id in ids {
            let (from, page) = made[id].map { (1, fresh.pages[$0]) } ?? kept[id].map { (0, pages[$0]) } ?? (-1, nil)
            guard var page else { return nil }
            let names = from == 1 ? fresh.terms : terms
            for section in page.sections.indices {
                for index in page.sections[section].indices {
                    let old = Int(page.sections[section][index].term)
                    if renumbered[from][old] < 0 {
                        let name = names[old]
                        if let number = numbers[name] {
                            renumbered[from][old] = number
                        } else {
                            renumbered[from][old] = Int32(merged.terms.count)
                            numbers[name] = renumbered[from][old]
                            merged.terms.append(name)
                        }
                    }
                    page.sections[section][index].term = renumbered[from][old]
                }
            }
            merged.pages.append(page)
        }
        return merged
    }
}

/// The records of one group of pages: per language of the site, in its order.
package struct GroupRecords: Equatable, Sendable {
    package var languages: [LanguageRecords]

    package init(languages: [LanguageRecords]) {
        self.languages = languages
    }

    /// Records made elsewhere (a test's), their terms numbered here.
    package init(pages: [[PageRecord]]) {
        languages = pages.map { records in
            var numbers: [String: Int32] = [:]
            var terms: [String] = []
            let pages = records.map { record in
                var record = record
                for index in record.sections.indices {
                    record.sections[index].numbered = record.sections[index].terms.map { term in
                        if numbers[term.term] == nil {
                            numbers[term.term] = Int32(terms.count)
                            terms.append(term.term)
                        }
                        return SectionTerm(term: numbers[term.term]!, weight: term.weight)
                    }
                }
                return IndexedPage(record)
            }
            return LanguageRecords(terms: terms, pages: pages)
        }
    }
}
