import Foundation
import HelpSiteModel

/// The search records of each group of pages, kept in the project's cache folder
/// (`.helpsite-cache/search-public/<group>.bin` for the output folder `public`) so that a
/// build that keeps a group unread can still put its pages in the index.
///
/// A group's file is named by its page ids and holds the key it was made with: a fingerprint
/// of everything its records depend on besides the group's own files (what the whole site
/// shares, the helpsite executable, whether it is a preview), and per page the fingerprint of
/// the file its record was made from (`IndexedPage.source`), which the build compares with
/// the file's now. A file whose key is not the one asked for, or that does not read whole, is
/// never used: the group is read instead.
///
/// Binary, read and written in one pass without escaping (every page of a large site is read
/// from here by a one-page rebuild): the header line `helpsite search records 5`, the key
/// (8 bytes), the number of languages, then per language its terms (a count, then each a
/// length and UTF-8 bytes), the number of pages and per page its id and its file's fingerprint
/// (each a length and bytes), the fingerprint of its page file (8 bytes), the number its file
/// was written under, its number of sections
/// and per section the number of its terms and each term's number with its weight (one byte);
/// numbers are LEB128. It ends with `end`. The page files themselves are not kept here: they
/// are in the site the build published.
package struct SearchRecordCache: Sendable {
    static let header = Array("helpsite search records 5\n".utf8)
    static let trailer = Array("end\n".utf8)
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
        return Paths.join(folder, fingerprint.description + ".bin")
    }

    /// The group's records, if they were kept with this key.
    /// - Parameter skipping: languages (by place) whose terms and sections are passed over, not
    ///   made: their pages come with their ids, fingerprints and numbers only (a language whose
    ///   index the build keeps needs no more).
    package func read(_ ids: some Sequence<String>, key: Fingerprint, languages: Int, skipping: Set<Int> = []) -> GroupRecords? {
        guard let data = FileManager.default.contents(atPath: file(of: ids)) else { return nil }
        return data.withUnsafeBytes { raw -> GroupRecords? in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            guard reader.take(Self.header), reader.number(bytes: 8) == key.value, reader.number() == languages else { return nil }
            var records = GroupRecords(languages: [])
            for language in 0..<languages {
                let skipped = skipping.contains(language)
                guard let termCount = reader.number() else { return nil }
                var terms: [String] = []
                terms.reserveCapacity(skipped ? 0 : termCount)
                for _ in 0..<termCount {
                    if skipped {
                        guard reader.run() != nil else { return nil }
                        continue
                    }
                    guard let term = reader.text() else { return nil }
                    terms.append(term)
                }
                guard let count = reader.number() else { return nil }
                var pages: [IndexedPage] = []
                for _ in 0..<count {
                    guard let id = reader.text(), let fingerprint = reader.text(), let source = reader.number(bytes: 8),
                          let written = reader.number(), let sectionCount = reader.number() else { return nil }
                    var sections: [[SectionTerm]] = []
                    sections.reserveCapacity(skipped ? 0 : sectionCount)
                    for _ in 0..<sectionCount {
                        guard let numbered = reader.number() else { return nil }
                        var section: [SectionTerm] = []
                        section.reserveCapacity(skipped ? 0 : numbered)
                        for _ in 0..<numbered {
                            guard let term = reader.number(), term < termCount, let weight = reader.number(bytes: 1) else { return nil }
                            if !skipped { section.append(SectionTerm(term: Int32(term), weight: UInt8(weight))) }
                        }
                        if !skipped { sections.append(section) }
                    }
                    pages.append(IndexedPage(id: id, json: nil, fingerprint: fingerprint, sections: sections, written: written,
                                             source: source))
                }
                records.languages.append(LanguageRecords(terms: terms, pages: pages))
            }
            guard reader.take(Self.trailer), reader.isAtEnd else { return nil }
            return records
        }
    }

    /// Keeps the group's records for the next build: each page with the number its file is
    /// written under (`number`), not the file, which the build writes into the site.
    package func write(_ records: GroupRecords, of ids: some Sequence<String>, key: Fingerprint, number: (String) -> Int) throws {
        var bytes = Self.header
        withUnsafeBytes(of: key.value.littleEndian) { bytes.append(contentsOf: $0) }
        Self.append(records.languages.count, to: &bytes)
        for language in records.languages {
            Self.append(language.terms.count, to: &bytes)
            for term in language.terms { Self.append(term, to: &bytes) }
            Self.append(language.pages.count, to: &bytes)
            for page in language.pages {
                Self.append(page.id, to: &bytes)
                Self.append(page.fingerprint, to: &bytes)
                withUnsafeBytes(of: page.source.littleEndian) { bytes.append(contentsOf: $0) }
                Self.append(number(page.id), to: &bytes)
                Self.append(page.sections.count, to: &bytes)
                for terms in page.sections {
                    Self.append(terms.count, to: &bytes)
                    for term in terms {
                        Self.append(Int(term.term), to: &bytes)
                        bytes.append(term.weight)
                    }
                }
            }
        }
        bytes.append(contentsOf: Self.trailer)
        // Replaced whole, never flushed: a lost file costs the next build a read of the group.
        try RecordText.write(Data(bytes), to: file(of: ids))
    }

    /// Removes the files of groups this build did not have (their pages were regrouped or are gone).
    package func prune(keeping groups: [[String]]) {
        let kept = Set(groups.map { URL(fileURLWithPath: file(of: $0)).lastPathComponent })
        for name in FileWalk.names(in: folder) where name.hasSuffix(".bin") && !kept.contains(name) {
            unlink(Paths.join(folder, name))
        }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        append(text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    /// LEB128: seven bits a byte, the high bit set on all but the last.
    private static func append(_ number: Int, to bytes: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Reads what `write` wrote; every read checks the bounds, and nil is a file cut short.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        var isAtEnd: Bool { at == bytes.count }

        mutating func take(_ expected: [UInt8]) -> Bool {
            guard bytes.count - at >= expected.count, expected.indices.allSatisfy({ bytes[at + $0] == expected[$0] }) else { return false }
            at += expected.count
            return true
        }

        /// A little-endian number of `count` bytes.
        mutating func number(bytes count: Int) -> UInt64? {
            guard bytes.count - at >= count else { return nil }
            var value: UInt64 = 0
            for index in (0..<count).reversed() { value = value << 8 | UInt64(bytes[at + index]) }
            at += count
            return value
        }

        mutating func number() -> Int? {
            var value = 0, shift = 0
            while at < bytes.count, shift < 63 {
                let byte = bytes[at]
                at += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// A length, then that many bytes.
        mutating func run() -> UnsafeBufferPointer<UInt8>? {
            guard let count = number(), count <= bytes.count - at else { return nil }
            defer { at += count }
            return UnsafeBufferPointer(rebasing: bytes[at..<at + count])
        }

        mutating func text() -> String? {
            run().map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
