import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSiteSearch

/// The index's files: the shards each term is found in, the postings of a common term,
/// and `meta.json`.
@Suite("Search: shards and the index's files")
struct SearchIndexTests {
    static let file = HelpSiteModel.SourceLocation(file: "site.yaml")
    let settings = SiteSettings(name: Located("Voorbeeldbank", at: Self.file),
                                baseURL: Located("https://help.voorbeeldbank.example/", at: Self.file),
                                phoneRegion: Located("BE", at: Self.file), languages: [])

    /// Terms of a few thousand words, each in some sections: more than one shard holds.
    func vocabulary() -> [(term: String, postings: Int)] {
        let letters = Array("abcdeéklmnoprstuvwz")
        var terms = Set<String>()
        var seed: UInt64 = 42
        while terms.count < 3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 60) % 9 + 1
            terms.insert(String((0..<length).map { letters[Int((seed >> UInt64(4 * $0)) & 0xFFFF) % letters.count] }))
        }
        terms.insert("klacht")
        terms.insert("klachtenformulier")
        return terms.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map { ($1, $0 % 150 + 1) }
    }

    @Test func everyTermIsInTheShardOfItsLongestPrefixThatHasOne() {
        let terms = vocabulary()
        let plan = ShardPlan.make(terms)
        #expect(plan.count > 10)
        // The shards cover the terms once each, in order.
        #expect(plan.map(\.terms).reduce(into: [Int]()) { $0 += Array($1) } == Array(terms.indices))
        let prefixes = Dictionary(plan.map { ($0.prefix, $0.terms) }, uniquingKeysWith: { _, _ in Issue.record("one prefix, two shards"); return 0..<0 })
        for (index, term) in terms.map(\.term).enumerated() {
            // What search.js does: the longest prefix of the term with a shard.
            let scalars = Array(term.unicodeScalars)
            let found = (0...scalars.count).reversed().lazy.map { String(String.UnicodeScalarView(scalars.prefix($0))) }
                .first { prefixes[$0] != nil }
            #expect(found.flatMap { prefixes[$0] }?.contains(index) == true, "\(term) is not where the browser looks")
        }
        for shard in plan where shard.terms.count > 1 {
            let size = terms[shard.terms].reduce(0) { $0 + $1.term.utf8.count + 6 + 5 * min(ShardPlan.top, $1.postings) }
            #expect(size <= ShardPlan.limit)
        }
    }

    @Test func aSmallSiteIsOneShard() {
        let plan = ShardPlan.make([("bemiddel", 3), ("klacht", 12)])
        #expect(plan.map(\.prefix) == [""])
    }

    /// 150 pages whose top holds "klacht" with a weight that grows with the page's number.
    func commonTermIndex() -> SearchIndex {
        let index = SearchIndex(languages: ["nl"], settings: settings)
        let pages = (0..<150).map { number in
            PageRecord(id: "p\(number)", path: "nl/p\(number)/", title: "Pagina \(number)", sections: [
                SectionRecord(anchor: "", title: "Pagina \(number)", text: "Een klacht.",
                              terms: [TermWeight(term: "klacht", weight: UInt8(1 + number % 20))], numbered: []),
            ])
        }
        // Added in two groups, the second first: the order the groups come in does not matter.
        index.add(GroupRecords(pages: [Array(pages[75...])]), number: { Int($0.dropFirst())! })
        index.add(GroupRecords(pages: [Array(pages[..<75])]), number: { Int($0.dropFirst())! })
        return index
    }

    @Test func aTermInManySectionsKeepsItsHeaviestInItsShardAndTheRestApart() throws {
        let files = Dictionary(uniqueKeysWithValues: commonTermIndex().files().map { ($0.path, $0.contents) })
        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: #require(files["search/nl/" + path]))
        }
        let meta = try #require(try json("meta.json") as? [String: Any])
        #expect(meta["sections"] as? Int == 150)
        #expect(meta["per_page"] as? Int == 32)
        #expect(meta["stemmer"] as? String == "dutch")
        #expect(meta["country"] as? String == "32")
        let shards = try #require(meta["shards"] as? [String: String])
        let shardFile = try #require(shards[""])
        let shard = try #require(try json("t/" + shardFile) as? [String: Any])
        let klacht = try #require(shard["klacht"] as? [String: Any])
        #expect(klacht["n"] as? Int == 150)
        let top = try #require(klacht["top"] as? [Int])
        let restFile = try #require(klacht["rest"] as? String)
        let rest = try #require(try json("t/" + restFile) as? [Int])
        #expect(top.count == 2 * ShardPlan.top && rest.count == 2 * 50)
        // Sections as gaps from the one before: page number × 32 + section.
        func documents(_ list: [Int]) -> [Int] { stride(from: 0, to: list.count, by: 2).reduce(into: []) { $0.append(($0.last ?? 0) + list[$1]) } }
        let kept = documents(top), apart = documents(rest)
        #expect(Set(kept + apart) == Set((0..<150).map { $0 * 32 }))
        let weight = { (document: Int) in 1 + (document / 32) % 20 }
        #expect(kept.map(weight).min()! >= apart.map(weight).max()!, "the heaviest are kept in the shard")
    }

    @Test func aShardsFileIsNamedByItsBytes() throws {
        let first = commonTermIndex().files().map(\.path).sorted()
        #expect(first == commonTermIndex().files().map(\.path).sorted())
        #expect(first.filter { $0.hasPrefix("search/nl/t/") }.allSatisfy { $0.range(of: #"^search/nl/t/[0-9a-f]{16}\.json$"#, options: .regularExpression) != nil })
    }
}

/// The records a build keeps for the next one, in `.helpsite-cache/search-<output>/`.
@Suite("Search: the records kept between builds")
struct SearchRecordCacheTests {
    func records() throws -> GroupRecords {
        let site = try #require(SiteLoader.load(contentDirectory: Project.fixtures.appendingPathComponent("base/content").path).site)
        return SearchRecords(settings: site.settings).records(of: site)
    }

    @Test func aGroupsRecordsReadBackAsTheyWereWritten() throws {
        let folder = try TemporaryFolder()
        let cache = SearchRecordCache(cache: folder.path, output: folder.path + "/public")
        var written = try records()
        // The fingerprint of the file each record was made from, which the build compares.
        for language in written.languages.indices {
            for page in written.languages[language].pages.indices { written.languages[language].pages[page].source = UInt64(40 + language) }
        }
        let key = Fingerprint("the inputs")
        try cache.write(written, of: ["complaints"], key: key, number: { _ in 7 })
        let read = try #require(cache.read(["complaints"], key: key, languages: 2))
        #expect(read.languages.map(\.terms) == written.languages.map(\.terms))
        for (kept, made) in zip(read.languages.flatMap(\.pages), written.languages.flatMap(\.pages)) {
            #expect(kept.id == made.id && kept.fingerprint == made.fingerprint && kept.sections == made.sections)
            #expect(kept.source == made.source)
            #expect(kept.json == nil && kept.written == 7, "the page's file is in the site, under the number it was written as")
        }
        // A language passed over: its pages without terms or sections, the other language whole.
        let skipping = try #require(cache.read(["complaints"], key: key, languages: 2, skipping: [0]))
        #expect(skipping.languages[0].terms.isEmpty && skipping.languages[0].pages.allSatisfy(\.sections.isEmpty))
        #expect(skipping.languages[0].pages.map(\.id) == written.languages[0].pages.map(\.id))
        #expect(skipping.languages[0].pages.map(\.fingerprint) == written.languages[0].pages.map(\.fingerprint))
        #expect(skipping.languages[1].terms == written.languages[1].terms)
        #expect(skipping.languages[1].pages.map(\.sections) == written.languages[1].pages.map(\.sections))
        #expect(cache.read(["complaints"], key: Fingerprint("other inputs"), languages: 2) == nil, "made from other inputs")
        #expect(cache.read(["faq"], key: key, languages: 2) == nil, "another group")
    }

    /// A group read in part: the records kept for its other pages, joined with those made again,
    /// are the records of the group read whole, its terms numbered as a group read whole numbers them.
    @Test func keptRecordsJoinedWithAPageMadeAgainAreTheGroupsRecords() throws {
        let folder = try TemporaryFolder.fortyPageSite()
        let site = try #require(SiteLoader.load(contentDirectory: folder.path + "/content").site)
        let ids = ["p00", "p01", "p02"]
        let group = site.keepingPages(ids.contains)
        let whole = SearchRecords(settings: site.settings).records(of: group)
        let again = SearchRecords(settings: site.settings).records(of: group.keepingPages { $0 == "p01" })
        for (language, made) in whole.languages.enumerated() {
            #expect(made.merging(again.languages[language], order: ids) == made)
        }
        #expect(whole.languages[0].merging(again.languages[0], order: ["p00", "p39"]) == nil, "p39 is in neither")
    }

    @Test func aFileCutShortIsNotUsed() throws {
        let folder = try TemporaryFolder()
        let cache = SearchRecordCache(cache: folder.path, output: folder.path + "/public")
        let key = Fingerprint("the inputs")
        try cache.write(try records(), of: ["complaints"], key: key, number: { _ in 0 })
        let path = cache.file(of: ["complaints"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for cut in [bytes.count - 1, bytes.count / 2, 40] {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(cache.read(["complaints"], key: key, languages: 2) == nil)
        }
    }
}
