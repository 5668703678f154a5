import Foundation
import HelpSiteModel

/// The search index of every language, put together from the records of each group of pages
/// (`add`, from any thread), then written once (`files`). The files are a function of the
/// records and the pages' numbers only, never of the order the groups came in: a build that
/// kept groups from the cache writes what a build that read every page writes.
/// The format: docs/reference/search-index.md.
package final class SearchIndex: @unchecked Sendable {
    /// Where the index is, under the site's root; `search/search.js` beside it is a static file.
    package static let folder = "search"
    /// Raised when the files' format changes in a way search.js must know of.
    package static let version = 1

    /// One section of one page that holds a term, and the term's weight there.
    struct Posting: Sendable {
        var page: UInt32
        var section: UInt16
        var weight: UInt8
    }

    /// One language's part of the index.
    struct Language: Sendable {
        let code: String
        var postings: [String: [Posting]] = [:]
        var sections = 0
        var pages = 0
        var mostSections = 0
    }

    let callingCode: String
    private let lock = NSLock()
    private var languages: [Language]

    /// - Parameter languages: the site's language codes, in its order (as `GroupRecords`).
    package init(languages: [String], settings: SiteSettings) {
        self.languages = languages.map { Language(code: $0) }
        callingCode = PhoneNumber.callingCodes[settings.phoneRegion.value] ?? ""
    }

    /// Adds a group's records; `number` gives each page id its place in the site (the same in
    /// every language), which numbers its sections in the index.
    package func add(_ records: GroupRecords, number: (String) -> Int) {
        lock.withLock {
            for (index, pages) in records.languages.enumerated() where index < languages.count {
                for page in pages {
                    let place = UInt32(number(page.id))
                    languages[index].pages += 1
                    languages[index].sections += page.sections.count
                    languages[index].mostSections = max(languages[index].mostSections, page.sections.count)
                    for (section, record) in page.sections.enumerated() {
                        for term in record.terms {
                            languages[index].postings[term.term, default: []]
                                .append(Posting(page: place, section: UInt16(section), weight: term.weight))
                        }
                    }
                }
            }
        }
    }

    /// The page files of a group's records, `search/<lang>/p/<number>.json`, written as the
    /// group is read: the index keeps only the terms.
    package static func pageFiles(_ records: GroupRecords, languages: [String], number: (String) -> Int) -> [OutputFile] {
        zip(languages, records.languages).flatMap { code, pages in
            pages.map { OutputFile(path: "\(folder)/\(code)/p/\(number($0.id)).json", contents: Data($0.json)) }
        }
    }

    /// Every language's `meta.json` and term shards.
    package func files(workers: Int? = nil) -> [OutputFile] {
        let languages = lock.withLock { self.languages }
        let callingCode = callingCode
        return languages.concurrentMap(workers: workers) { language in
            ShardWriter(language: language, callingCode: callingCode).files()
        }.flatMap { $0 }
    }
}
