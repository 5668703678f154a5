import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSitePublish
@testable import HelpSitePipeline
@testable import HelpSiteSearch

/// The search index as a build writes it: in the staging folder, from the pages read and the
/// records kept for the groups not read, the same as a cold build's.
@Suite("Search: the index in a build")
struct SearchBuildTests {
    func fortyPageSite() throws -> TemporaryFolder { try TemporaryFolder.fortyPageSite() }

    /// As `helpsite build` does: it records the addresses it publishes in the ledger, rewriting it.
    func build(_ site: TemporaryFolder, into output: String = "public", force: Bool = false, preview: Bool = false,
               templates: String = Project.templates) throws -> Pipeline.Outcome {
        var pipeline = Pipeline(content: site.path + "/content", templates: templates, output: site.path + "/" + output,
                                force: force, generator: site.path + "/bin/helpsite", markUntranslated: preview)
        pipeline.recordsAddresses = !preview
        return try pipeline.build()
    }

    func files(_ folder: String) throws -> [String: Data] { try TemporaryFolder.files(under: folder) }

    func modified(_ path: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    func edit(_ relative: String, in site: TemporaryFolder, _ change: (String) -> String) throws {
        let text = try site.read(relative)
        #expect(change(text) != text)
        try site.write(change(text), to: relative)
    }

    @Test func aOnePageChangeReadsNoOtherGroupAndGivesTheIndexOfAColdBuild() throws {
        let site = try fortyPageSite()
        // p00's file will be spoiled with its size and time kept: reading it fails the build.
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: site.path + "/content/fr/p00.yaml")
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        // The second build reads every group: the first rewrote the ledger, which the check's
        // record counts as a change to the whole site.
        try edit("content/fr/p38.yaml", in: site) { $0.replacingOccurrences(of: "Pas satisfait ?", with: "Toujours pas satisfait ?") }
        guard case .built = try build(site) else { Issue.record("the second build failed"); return }
        let original = try Data(contentsOf: URL(fileURLWithPath: site.path + "/content/fr/p00.yaml"))
        try Data(repeating: UInt8(ascii: "["), count: original.count).write(to: URL(fileURLWithPath: site.path + "/content/fr/p00.yaml"))
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: site.path + "/content/fr/p00.yaml")

        let before = Date()
        try edit("content/fr/p39.yaml", in: site) { $0.replacingOccurrences(of: "Dites-le-nous.", with: "Dites-le-nous sans détour.") }
        guard case .built = try build(site) else { Issue.record("the rebuild read a group that did not change"); return }
        let incremental = try files(site.path + "/public/search")
        #expect(incremental.keys.contains { $0.hasPrefix("fr/t/") })
        #expect(incremental.values.contains { String(decoding: $0, as: UTF8.self).contains("\"detour\"") }, "the new word is indexed")
        // The Dutch index did not change: not one of its files was written again.
        for path in incremental.keys where path.hasPrefix("nl/") {
            #expect(try modified(site.path + "/public/search/" + path) < before, "search/\(path) was written again")
        }

        try original.write(to: URL(fileURLWithPath: site.path + "/content/fr/p00.yaml"))
        guard case .built = try build(site, into: "cold", force: true) else { Issue.record("the cold build failed"); return }
        #expect(try files(site.path + "/cold/search") == incremental)
    }

    /// The languages a rebuild keeps the index files of, unmerged: those none of whose page
    /// files changed, with every file still in the output. What it writes is a cold build's index.
    @Test func aRebuildKeepsTheIndexOfEachLanguageWhosePagesDidNotChange() throws {
        let site = try fortyPageSite()
        let content = site.path + "/content", output = site.path + "/public"
        let cache = SearchRecordCache(cache: site.path + "/.helpsite-cache", output: output)
        /// The languages kept whole, and those started from their published index; the records' key.
        func reusing() -> (kept: Set<String>, published: Set<String>, key: Fingerprint) {
            let (loaded, _, _) = SiteLoader.loadSkeleton(contentDirectory: content)
            guard let skeleton = loaded else { return (["the skeleton did not load"], [], Fingerprint()) }
            let incremental = IncrementalBuild(output: output, cache: site.path + "/.helpsite-cache", folders: [content, Project.templates],
                                               generator: site.path + "/bin/helpsite", force: false, neutral: [content + "/published.txt"])
            let pageLanguage = { Pipeline.pageFile(ofInput: $0, content: content, languages: skeleton.languages)?.language }
            let key = SearchBuild.key(inputs: incremental.inputs, pageLanguage: pageLanguage, neutral: [content + "/published.txt"])
            let (kept, published) = SearchBuild.reused(
                ["nl", "fr"], inputs: incremental.inputs, previous: incremental.previous, unchanged: incremental.unchanged(in: nil),
                output: output, cache: cache, key: key, pageLanguage: pageLanguage, neutral: [content + "/published.txt"])
            return (Set(kept.keys), Set(published.keys), key)
        }
        func reused() -> (kept: Set<String>, published: Set<String>) { (reusing().kept, reusing().published) }
        func kept() -> Set<String> { reused().kept }
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        try edit("content/fr/p39.yaml", in: site) { $0.replacingOccurrences(of: "Dites-le-nous.", with: "Dites-le-nous sans détour.") }
        // French starts from the index it published, its changed page's postings replaced.
        #expect(reused() == (["nl"], ["fr"]))
        // Each page's sections kept with another index than the one published (a build that made
        // its index, then failed): French is made from every record instead.
        let key = reusing().key
        var memory = ShardMemory.read(from: cache, language: "fr", key: key)
        let published = try #require(memory.meta)
        memory.meta = "0000000000000000.json"
        try memory.write(to: cache, language: "fr", key: key)
        #expect(reused() == (["nl"], []))
        memory.meta = published
        try memory.write(to: cache, language: "fr", key: key)
        guard case .built = try build(site) else { Issue.record("the rebuild failed"); return }
        guard case .built = try build(site, into: "cold", force: true) else { Issue.record("the cold build failed"); return }
        #expect(try files(output + "/search") == files(site.path + "/cold/search"))

        // A shard gone from the output: its language is made again.
        try edit("content/fr/p38.yaml", in: site) { $0.replacingOccurrences(of: "Pas satisfait ?", with: "Toujours pas satisfait ?") }
        let shard = try #require(try FileManager.default.contentsOfDirectory(atPath: output + "/search/nl/t").first)
        try FileManager.default.removeItem(atPath: output + "/search/nl/t/" + shard)
        #expect(kept().isEmpty)
        guard case .built = try build(site) else { Issue.record("the rebuild failed"); return }
        #expect(FileManager.default.fileExists(atPath: output + "/search/nl/t/" + shard))

        // A page added renumbers the pages of every language; a template may change any page.
        try site.write(try site.read("content/nl/p39.yaml").replacingOccurrences(of: "slug: klachten-p39", with: "slug: klachten-p40"),
                       to: "content/nl/p40.yaml")
        #expect(kept().isEmpty)
        try FileManager.default.removeItem(atPath: content + "/nl/p40.yaml")
        try edit("content/fr/p37.yaml", in: site) { $0.replacingOccurrences(of: "Pas satisfait ?", with: "Toujours pas satisfait ?") }
        #expect(kept() == ["nl"])
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: content + "/site.yaml")
        #expect(kept().isEmpty)
    }

    @Test func aFailingIndexWriteLeavesThePublishedSiteAsItWas() throws {
        let site = try fortyPageSite()
        try site.overlay(URL(fileURLWithPath: Project.templates), at: "templates")
        guard case .built = try build(site, templates: site.path + "/templates") else { Issue.record("the first build failed"); return }
        let published = try files(site.path + "/public")
        // A folder where the Dutch index's meta.json must go: its write fails.
        try site.write("in the way", to: "templates/static/search/nl/meta.json/blocker.txt")
        try edit("content/nl/p05.yaml", in: site) { $0.replacingOccurrences(of: "Laat het ons weten.", with: "Laat het ons snel weten.") }
        #expect(throws: (any Error).self) { try build(site, templates: site.path + "/templates") }
        #expect(try files(site.path + "/public") == published)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("helpsite-staging") }.isEmpty)
    }

    @Test(arguments: [false, true])
    func aPreviewLeavesUntranslatedTextOutOfThePagesLanguage(preview: Bool) throws {
        let site = try fortyPageSite()
        // p20 is not translated: its French file is the Dutch text.
        try site.write(try site.read("content/nl/p20.yaml"), to: "content/fr/p20.yaml")
        guard case .built = try build(site, preview: preview) else { Issue.record("the build failed"); return }
        let french = try files(site.path + "/public/search/fr")
        let dutchInFrench = french.contains { path, bytes in
            path.hasPrefix("t/") && String(decoding: bytes, as: UTF8.self).contains("\"schrijf\"")
        }
        #expect(dutchInFrench == !preview, "a preview never finds Dutch words in the French index")
        // The Dutch index has them, at the Dutch pages.
        let dutch = try files(site.path + "/public/search/nl")
        #expect(dutch.contains { $0.key.hasPrefix("t/") && String(decoding: $0.value, as: UTF8.self).contains("\"schrijf\"") })
    }

    /// A page whose number changed while its group was kept (a page before it came or went):
    /// its file is taken from where the last build wrote it, or the group is read.
    @Test func aKeptPageWhoseNumberChangedTakesItsFileFromTheOutput() throws {
        let site = try fortyPageSite()
        guard case .built = try build(site) else { Issue.record("the build failed"); return }
        let (loaded, ids, _) = SiteLoader.loadSkeleton(contentDirectory: site.path + "/content")
        let skeleton = try #require(loaded)
        let groups = SiteLoader.pageGroups(ids)
        let output = site.path + "/public"
        let cacheFolder = site.path + "/.helpsite-cache"
        let kept = try #require(groups.last)
        let summaries = try #require(BuildManifest.read(in: cacheFolder, for: output))
        let summarised = skeleton.replacingPages(byLanguage: [skeleton.languages.map { content in
            kept.compactMap { summaries.summaries[Paths.join(site.path + "/content/" + content.language.code, $0 + ".yaml")]?.page }
        }])
        // The same pages, one place further on, as if a page had come before them.
        func search(_ order: [String]) -> SearchBuild {
            SearchBuild(skeleton: skeleton, pageIDs: order, groups: groups, cache: SearchRecordCache(cache: cacheFolder, output: output),
                        output: output, inputs: BuildManifest.snapshot(of: [site.path + "/content", Project.templates],
                                                                       extra: [site.path + "/bin/helpsite"]),
                        previous: nil, unchanged: { _, _ in false },
                        pageLanguage: { Pipeline.pageFile(ofInput: $0, content: site.path + "/content", languages: skeleton.languages)?.language },
                        neutral: [site.path + "/content/published.txt"], untranslated: nil)
        }
        let nothingAtHand: UnchangedPages = { _, _ in false }
        let found = search(["new"] + ids).cached(kept, summaries: summarised, unchanged: nothingAtHand)
        let shifted = try #require(found)
        let page = try #require(shifted.languages[0].pages.first)
        let number = try #require(ids.firstIndex(of: page.id))
        #expect(page.json == FileManager.default.contents(atPath: output + "/search/nl/p/\(number).json"))
        // Its file gone from the output: the group must be read.
        try FileManager.default.removeItem(atPath: output + "/search/nl/p/\(number).json")
        let gone = search(["new"] + ids).cached(kept, summaries: summarised, unchanged: nothingAtHand)
        #expect(gone == nil)
    }
}
