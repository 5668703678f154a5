import Foundation
import HelpSiteModel

/// The search records of each group of pages, kept in the project's cache folder
/// (`.helpsite-cache/search-public/<group>.txt` for the output folder `public`) so that a
/// build that keeps a group unread can still put its pages in the index.
///
/// A group's file is named by its page ids and holds the key it was made with: a fingerprint
/// of everything its records depend on (the group's files in every language, what the whole
/// site shares, the helpsite executable, whether it is a preview). A file whose key is not
/// the one asked for is never used: the group is read instead.
///
///     helpsite search records 1
///     key      <the key, 16 hexadecimal digits>
///     page     <language index>  <page id>  <path>  <title>
///     section  <anchor>  <title>  <text>  <term>  <weight>  <term>  <weight> …
///     end
package struct SearchRecordCache: Sendable {
    static let header = "helpsite search records 1"
    /// The folder of the group files.
    package let folder: String

    /// - Parameters:
    ///   - cache: the project's cache folder.
    ///   - output: the output folder the records are for: a preview and a published site of the
    ///     same content are indexed differently.
    package init(cache: String, output: String) {
        folder = Paths.join(cache, "search-" + URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent)
    }

    /// The file of the group of these pages.
    package func file(of ids: some Sequence<String>) -> String {
        var fingerprint = Fingerprint("search group")
        for id in ids { fingerprint.add(id) }
        return Paths.join(folder, fingerprint.description + ".txt")
    }

    /// The group's records, if they were kept with this key.
    package func read(_ ids: some Sequence<String>, key: Fingerprint, languages: Int) -> GroupRecords? {
        guard let data = FileManager.default.contents(atPath: file(of: ids)),
              let lines = RecordText.lines(of: data, header: Self.header),
              lines.first == ["key", Substring(key.description)] else { return nil }
        var records = GroupRecords(languages: Array(repeating: [], count: languages))
        var page: (language: Int, record: PageRecord)?
        func finishPage() {
            if let page { records.languages[page.language].append(page.record) }
            page = nil
        }
        let unescape = RecordText.unescape
        for fields in lines.dropFirst() {
            switch fields.first {
            case "page":
                finishPage()
                guard fields.count == 5, let language = Int(fields[1]), (0..<languages).contains(language) else { return nil }
                page = (language, PageRecord(id: unescape(fields[2]), path: unescape(fields[3]), title: unescape(fields[4]), sections: []))
            case "section":
                guard page != nil, fields.count >= 4, fields.count % 2 == 0 else { return nil }
                var terms: [TermWeight] = []
                terms.reserveCapacity((fields.count - 4) / 2)
                var index = 4
                while index < fields.count {
                    guard let weight = UInt8(fields[index + 1]) else { return nil }
                    terms.append(TermWeight(term: unescape(fields[index]), weight: weight))
                    index += 2
                }
                page?.record.sections.append(SectionRecord(anchor: unescape(fields[1]), title: unescape(fields[2]),
                                                           text: unescape(fields[3]), terms: terms))
            default:
                return nil
            }
        }
        finishPage()
        return records
    }

    /// Keeps the group's records for the next build.
    package func write(_ records: GroupRecords, of ids: some Sequence<String>, key: Fingerprint) throws {
        var writer = RecordText.Writer(header: Self.header)
        let escape = RecordText.escape
        writer.line(["key", key.description])
        for (language, pages) in records.languages.enumerated() {
            for page in pages {
                writer.line(["page", String(language), escape(page.id), escape(page.path), escape(page.title)])
                for section in page.sections {
                    var fields = ["section", escape(section.anchor), escape(section.title), escape(section.text)]
                    fields.reserveCapacity(4 + 2 * section.terms.count)
                    for term in section.terms {
                        fields.append(escape(term.term))
                        fields.append(String(term.weight))
                    }
                    writer.line(fields)
                }
            }
        }
        try RecordText.write(writer.finished, to: file(of: ids))
    }

    /// Removes the files of groups this build did not have (their pages were regrouped or are gone).
    package func prune(keeping groups: [[String]]) {
        let kept = Set(groups.map { URL(fileURLWithPath: file(of: $0)).lastPathComponent })
        for name in FileWalk.names(in: folder) where name.hasSuffix(".txt") && !kept.contains(name) {
            unlink(Paths.join(folder, name))
        }
    }
}
