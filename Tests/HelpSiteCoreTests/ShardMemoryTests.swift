import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteSearch

/// A rebuild keeps the shards whose terms and postings did not change (`ShardMemory`), and
/// writes what a build that made every shard writes.
@Suite("Search: shards kept from the last build")
struct ShardMemoryTests {
    let settings = SearchIndexTests().settings

    /// 200 pages of 20 terms each, 4,000 terms in all: several shards. `weight` gives a term's
    /// weight on a page.
    func index(weight: (_ page: Int, _ term: Int) -> UInt8 = { _, term in UInt8(1 + term % 20) }) -> SearchIndex {
        let letters = Array("abdeklmnoprstvw")
        let index = SearchIndex(languages: ["nl"], settings: settings)
        let pages = (0..<200).map { page in
            let terms = (0..<20).map { k -> TermWeight in
                let term = page * 20 + k
                return TermWeight(term: "\(letters[term % 15])\(letters[(term / 15) % 15])\(term)", weight: weight(page, term))
            }
            return PageRecord(id: "p\(page)", path: "nl/p\(page)/", title: "Pagina \(page)", sections: [
                SectionRecord(anchor: "", title: "Pagina \(page)", text: "Tekst.", terms: terms, numbered: []),
            ])
        }
        index.add(GroupRecords(pages: [pages]), number: { Int($0.dropFirst())! })
        return index
    }

    /// The files `index` writes, reusing what `cache` remembers under `key`; every file of
    /// `atHand` is at hand.
    func write(_ index: SearchIndex, cache: SearchRecordCache, key: Fingerprint, atHand: Set<String>) throws -> [OutputFile] {
        let collected = Collected()
        try index.write(workers: 1, reusing: ShardReuse(cache: cache, key: key, atHand: { path, _ in atHand.contains(path) }),
                        into: { collected.append($0) })
        return collected.files
    }

    @Test func aShardOfTheSameTermsAndPostingsIsKeptAndTheRestIsWhatAFullBuildWrites() throws {
        let folder = try TemporaryFolder()
        let cache = SearchRecordCache(cache: folder.path, output: "public"), key = Fingerprint("records")
        let first = try write(index(), cache: cache, key: key, atHand: [])
        #expect(first.allSatisfy { !$0.isUnchanged })
        let shards = first.filter { $0.path.hasPrefix("search/nl/t/") }
        #expect(shards.count > 3, "several shards")

        // One term's weight on one page changed: its shard alone is made again.
        let changed = { (page: Int, term: Int) in page == 7 && term == 141 ? UInt8(22) : UInt8(1 + term % 20) }
        let second = try write(index(weight: changed), cache: cache, key: key, atHand: Set(first.map(\.path)))
        let whole = index(weight: changed).files()
        #expect(Set(second.map(\.path)) == Set(whole.map(\.path)), "the same files as a build that made every shard")
        let made = second.filter { !$0.isUnchanged }
        #expect(Set(made.map(\.path)) == ["search/nl/meta.json", made.first { $0.path != "search/nl/meta.json" }?.path ?? "?"])
        let contents = Dictionary(whole.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        #expect(made.allSatisfy { contents[$0.path] == $0.contents })
        #expect(second.filter(\.isUnchanged).allSatisfy { file in shards.contains { $0.path == file.path } })
    }

    @Test func aShardIsMadeAgainWhenItsFileIsNotAtHandOrTheMemoryIsOfAnotherKey() throws {
        let folder = try TemporaryFolder()
        let cache = SearchRecordCache(cache: folder.path, output: "public"), key = Fingerprint("records")
        let first = try write(index(), cache: cache, key: key, atHand: [])
        let paths = Set(first.map(\.path))
        let lost = try #require(first.first { $0.path.hasPrefix("search/nl/t/") }?.path)
        let again = try write(index(), cache: cache, key: key, atHand: paths.subtracting([lost]))
        #expect(again.filter { !$0.isUnchanged }.map(\.path).sorted() == [lost, "search/nl/meta.json"].sorted())
        let otherKey = try write(index(), cache: cache, key: Fingerprint("another helpsite"), atHand: paths)
        #expect(otherKey.allSatisfy { !$0.isUnchanged })
    }

    @Test func aMemoryCutShortIsNotRead() throws {
        let folder = try TemporaryFolder()
        let cache = SearchRecordCache(cache: folder.path, output: "public"), key = Fingerprint("records")
        _ = try write(index(), cache: cache, key: key, atHand: [])
        #expect(!ShardMemory.read(from: cache, language: "nl", key: key).names.isEmpty)
        let file = ShardMemory.file(in: cache, language: "nl")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        try data.dropLast(5).write(to: URL(fileURLWithPath: file))
        #expect(ShardMemory.read(from: cache, language: "nl", key: key).names.isEmpty)
    }

    /// What a build published reads back as the postings it was made from: a term with a rest
    /// file, a term that JSON escapes, a word beyond ASCII.
    @Test func thePublishedIndexReadsBackAsItsPostings() throws {
        let index = SearchIndex(languages: ["nl"], settings: settings)
        let odd = "a\"b<c\\é"
        let pages = (0..<150).map { (page: Int) -> PageRecord in
            let oddTerms: [TermWeight] = page % 50 == 0 ? [TermWeight(term: odd, weight: 3)] : []
            return PageRecord(id: "p\(page)", path: "nl/p\(page)/", title: "Pagina \(page)", sections: [
                SectionRecord(anchor: "", title: "Pagina \(page)", text: "Een klacht.",
                              terms: [TermWeight(term: "klacht", weight: UInt8(1 + page % 20))], numbered: []),
                SectionRecord(anchor: "b", title: "B", text: "B.", terms: oddTerms, numbered: []),
            ])
        }
        index.add(GroupRecords(pages: [pages]), number: { Int($0.dropFirst())! })
        let folder = try TemporaryFolder()
        var recorded: [String: String] = [:]
        for file in index.files() {
            try folder.write(String(decoding: file.contents, as: UTF8.self), to: file.path)
            recorded[file.path] = file.fingerprint
        }
        #expect(recorded.keys.filter { $0.hasPrefix("search/nl/t/") }.count == 2, "a shard and a rest file")
        let published = try #require(PublishedIndex.read(language: "nl", from: folder.path, recorded: { recorded[$0] },
                                                         sections: Array(repeating: 2, count: 150)))
        let postings = Dictionary(uniqueKeysWithValues: zip(published.terms, published.postings))
        let klacht: [UInt64] = (0..<150).map { (page: Int) -> UInt64 in UInt64(page) << 24 | UInt64(1 + page % 20) }
        let oddPostings: [UInt64] = [0, 50, 100].map { (page: UInt64) -> UInt64 in page << 24 | 1 << 8 | 3 }
        #expect(postings["klacht"] == klacht)
        #expect(postings[odd] == oddPostings)
        #expect(published.terms.count == 2)

        // A file whose bytes are not those recorded is not read.
        let shard = try #require(try recorded.keys.first { try $0.hasPrefix("search/nl/t/") && folder.read($0).contains(",3]") })
        try folder.write(try folder.read(shard).replacingOccurrences(of: ",3]", with: ",4]"), to: shard)
        #expect(PublishedIndex.read(language: "nl", from: folder.path, recorded: { recorded[$0] }, sections: []) == nil)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [OutputFile] = []
        var files: [OutputFile] { lock.withLock { kept } }
        func append(_ file: OutputFile) { lock.withLock { kept.append(file) } }
    }
}
