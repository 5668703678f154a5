import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSitePipeline
@testable import HelpSiteContent

/// A rebuild reads only the groups of pages with a changed file; the other pages come from
/// the previous build's summaries and the check's record of clean pages.
@Suite("Rebuilding after a change")
struct RebuildTests {
    func fortyPageSite() throws -> TemporaryFolder { try TemporaryFolder.fortyPageSite() }

    func build(_ site: TemporaryFolder, into output: String = "public", force: Bool = false, preview: Bool = false,
               workers: Int? = nil) throws -> Pipeline.Outcome {
        try Pipeline(content: site.path + "/content", templates: Project.templates, output: site.path + "/" + output,
                      force: force, generator: site.path + "/bin/helpsite", markUntranslated: preview, workers: workers).build()
    }

    /// A time in whole seconds, which setting a file's time keeps exactly.
    static let stamp = Date(timeIntervalSince1970: 1_700_000_000)

    /// Gives a page file a time that `spoil` can give it again exactly (a time read from the
    /// file system may have more digits than setting one keeps).
    func pin(_ relative: String, in site: TemporaryFolder) throws {
        try FileManager.default.setAttributes([.modificationDate: Self.stamp], ofItemAtPath: site.path + "/" + relative)
    }

    /// Overwrites a page file (`pin`ned before the first build) with bytes that do not load,
    /// keeping its size and time: a build that reads it fails, one that trusts its stamp
    /// does not notice.
    func spoil(_ relative: String, in site: TemporaryFolder) throws -> Data {
        let path = site.path + "/" + relative
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try Data(repeating: UInt8(ascii: "["), count: original.count).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Self.stamp], ofItemAtPath: path)
        return original
    }

    func files(_ folder: String) throws -> [String: Data] { try TemporaryFolder.files(under: folder) }

    /// A navigation group of the last four pages, titled in both languages.
    func addLateGroup(to site: TemporaryFolder) throws {
        try site.write(try site.read("content/site.yaml") + "navigation:\n  - group: late\n    pages: [p36, p37, p38, p39]\n",
                       to: "content/site.yaml")
        for (code, title) in [("nl", "Laatste"), ("fr", "Dernières")] {
            try site.write(try site.read("content/\(code)/language.yaml") + "\nnavigation:\n  late: \(title)\n", to: "content/\(code)/language.yaml")
        }
    }

    /// The preview (untranslated text marked) too: the marks come from the same files.
    @Test(arguments: [false, true])
    func aOnePageChangeReadsOnlyItsGroupAndBuildsWhatAColdBuildBuilds(preview: Bool) throws {
        let site = try fortyPageSite()
        try pin("content/fr/p00.yaml", in: site)
        // p20 is not translated: its French text is the Dutch, which a preview outlines.
        try site.write(try site.read("content/nl/p20.yaml"), to: "content/fr/p20.yaml")
        guard case .built = try build(site, preview: preview) else { Issue.record("the first build failed"); return }
        // p00 is in the first group, p39 in the last: p00 is spoiled but looks untouched.
        let original = try spoil("content/fr/p00.yaml", in: site)
        let page = try site.read("content/fr/p39.yaml")
        try site.write(page.replacingOccurrences(of: "title: Plaintes p39", with: "title: Plaintes p39, revu"), to: "content/fr/p39.yaml")
        let before = Date()
        guard case .built(let summary) = try build(site, preview: preview) else {
            Issue.record("the rebuild read a page that did not change")
            return
        }
        #expect(summary.pages == 82)
        #expect(summary.kept == 80, "only p39, in both languages (the switcher names each other's slug), is rendered again")
        #expect(try site.read("public/fr/plaintes-p39/index.html").contains("Plaintes p39, revu"))
        #expect(try site.read("public/fr/index.html").contains("Plaintes p39, revu"), "the French home page lists the new title")
        // The Dutch home page shows nothing that changed: kept as it was, not written again.
        let dutchHome = try #require(try FileManager.default.attributesOfItem(atPath: site.path + "/public/nl/index.html")[.modificationDate] as? Date)
        #expect(dutchHome < before)
        // The same site, built cold from the real files, is the same, byte for byte.
        try Data(original).write(to: URL(fileURLWithPath: site.path + "/content/fr/p00.yaml"))
        guard case .built = try build(site, into: "cold", force: true, preview: preview) else { Issue.record("the cold build failed"); return }
        #expect(try files(site.path + "/public") == files(site.path + "/cold"))
        #expect(try site.read("public/fr/klachten-p20/index.html").contains("class=\"untranslated\"") == preview)
    }

    /// A change within a navigation group reads the changed page (in every language) and the
    /// pages whose navigation names its title, not the group: a French title reads the group's
    /// French pages, a text reads only its own page.
    @Test func aChangeWithinAGroupReadsOnlyThePagesItChanges() throws {
        let site = try fortyPageSite()
        try addLateGroup(to: site)
        try pin("content/nl/p38.yaml", in: site)
        try pin("content/fr/p37.yaml", in: site)
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        // p38's Dutch file is spoiled but looks untouched: the French title change must not read it.
        let dutch = try spoil("content/nl/p38.yaml", in: site)
        let page = try site.read("content/fr/p39.yaml")
        try site.write(page.replacingOccurrences(of: "title: Plaintes p39", with: "title: Plaintes p39, revu"), to: "content/fr/p39.yaml")
        guard case .built(let title) = try build(site) else { Issue.record("the rebuild read a Dutch page whose navigation did not change"); return }
        #expect(title.kept == 82 - 5, "the group's four French pages and p39's Dutch page (its switcher) are rendered again")
        #expect(try site.read("public/fr/plaintes-p36/index.html").contains("Plaintes p39, revu"), "p36's navigation names the new title")
        // Now p37's French file is spoiled too: a change to p39's text alone reads only p39.
        let french = try spoil("content/fr/p37.yaml", in: site)
        try site.write(try site.read("content/fr/p39.yaml").replacingOccurrences(of: "Dites-le-nous.", with: "Dites-le-nous sans détour."),
                       to: "content/fr/p39.yaml")
        guard case .built(let text) = try build(site) else { Issue.record("the rebuild read a page of the group that did not change"); return }
        #expect(text.kept == 82 - 2, "p39 in both languages is rendered again")
        #expect(try site.read("public/fr/plaintes-p39/index.html").contains("sans détour"))
        // The same site, built cold from the real files, is the same, byte for byte.
        try dutch.write(to: URL(fileURLWithPath: site.path + "/content/nl/p38.yaml"))
        try french.write(to: URL(fileURLWithPath: site.path + "/content/fr/p37.yaml"))
        guard case .built = try build(site, into: "cold", force: true) else { Issue.record("the cold build failed"); return }
        #expect(try files(site.path + "/public") == files(site.path + "/cold"))
    }

    /// What a changed page's group shows of it, in each language: its slug in the group's
    /// navigation and the other language's switcher, its description on the home page. Each
    /// rebuild read in part is what a cold build makes.
    @Test func aGroupReadInPartBuildsWhatAColdBuildBuilds() throws {
        let site = try fortyPageSite()
        try addLateGroup(to: site)
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        // Each step changes one page (in every language where it says so), rebuilds, and compares
        // the site with a cold build of the same content.
        let steps: [[(file: String, old: String, new: String)]] = [
            [("content/fr/p38.yaml", "slug: plaintes-p38", "slug: plaintes-p38-revu")],
            [("content/nl/p37.yaml", "description: ", "description: Echt. ")],
            [("content/nl/p36.yaml", "title: Klachten p36", "title: Klachten p36, herzien")],
            // A date is in the sitemap, which a rebuild keeps when no page's slug or date changed.
            [("content/nl/language.yaml", "\nhours:", "\n" + Self.dates["nl"]! + "hours:"),
             ("content/fr/language.yaml", "\nhours:", "\n" + Self.dates["fr"]! + "hours:"),
             ("content/nl/p35.yaml", "description: ", "updated: 2026-11-30\ndescription: ")],
            [("content/nl/p35.yaml", "updated: 2026-11-30", "updated: 2026-12-01")],
            [("content/fr/p34.yaml", "Dites-le-nous.", "Dites-le-nous, vraiment.")],
        ]
        for (number, step) in steps.enumerated() {
            for (file, old, new) in step {
                let text = try site.read(file)
                #expect(text.contains(old), "\(file) has \(old)")
                try site.write(text.replacingOccurrences(of: old, with: new), to: file)
            }
            guard case .built = try build(site) else { Issue.record("the rebuild after \(step[0].file) failed"); return }
            guard case .built = try build(site, into: "cold\(number)", force: true) else { Issue.record("the cold build failed"); return }
            #expect(try files(site.path + "/public") == files(site.path + "/cold\(number)"), "after \(step[0].file)")
        }
    }

    /// How the shipped languages write a page's date, for a site that dates a page.
    static let dates = [
        "nl": "dates:\n  months: [januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december]\n"
            + "  format: \"{d} {month} {yyyy}\"\n  updated: \"Laatst bijgewerkt op {date}\"\n",
        "fr": "dates:\n  months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\n"
            + "  format: \"{d} {month} {yyyy}\"\n  first_day: 1er\n  updated: \"Dernière mise à jour : {date}\"\n",
    ]

    /// Which inputs are page files, and of which language and page: only those tell a change of one page.
    @Test func anInputIsAPageFileOfALanguageFolder() throws {
        let site = try fortyPageSite()
        let content = site.path + "/content"
        let languages = try #require(SiteLoader.loadSkeleton(contentDirectory: content).site).languages
        let page = { (path: String) in Pipeline.pageFile(ofInput: content + "/" + path, content: content, languages: languages) }
        #expect(page("fr/p39.yaml")! == ("fr", "p39"))
        #expect(page("nl/complaints.yaml")! == ("nl", "complaints"))
        for other in ["nl/language.yaml", "nl/contacts.yaml", "site.yaml", "de/p00.yaml", "nl/old/p00.yaml", "nl/p00.yml", "nl/.p00.yaml"] {
            #expect(page(other) == nil, "\(other) is not a page file")
        }
        #expect(Pipeline.pageFile(ofInput: site.path + "/templates/nl/p00.yaml", content: content, languages: languages) == nil)
        // The folder as a prefix of a path's folders, not of its text; named with a slash, or as the working folder.
        #expect(Pipeline.pageFile(ofInput: content + "2/nl/p00.yaml", content: content, languages: languages) == nil)
        #expect(Pipeline.pageFile(ofInput: content + "/nl/p00.yaml", content: content + "/", languages: languages)! == ("nl", "p00"))
        #expect(Pipeline.pageFile(ofInput: "nl/p00.yaml", content: ".", languages: languages)! == ("nl", "p00"))
        #expect(Pipeline.pageFile(ofInput: "nl/p00.yaml", content: "", languages: languages)! == ("nl", "p00"))
    }

    /// Groups of pages are built on several cores at once; the site must not depend on how many.
    @Test func oneCoreAndSeveralBuildTheSameSite() throws {
        let site = try fortyPageSite()
        for (folder, workers) in [("one", 1), ("three", 3), ("eight", 8)] {
            guard case .built = try build(site, into: folder, force: true, workers: workers) else {
                Issue.record("the build with \(workers) workers failed")
                return
            }
        }
        let one = try files(site.path + "/one")
        #expect(one.count > 80)
        #expect(try files(site.path + "/three") == one)
        #expect(try files(site.path + "/eight") == one)
    }

    @Test func aChangeToWhatEveryPageSharesReadsEveryPage() throws {
        let site = try fortyPageSite()
        try pin("content/fr/p00.yaml", in: site)
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        _ = try spoil("content/fr/p00.yaml", in: site)
        try site.write(try site.read("content/site.yaml") + "\n# a comment\n", to: "content/site.yaml")
        guard case .failed(let problems) = try build(site) else { Issue.record("the rebuild did not read p00"); return }
        #expect(problems.contains { $0.location.file.hasSuffix("content/fr/p00.yaml") })
    }

    @Test func aPageWithAFindingIsReadAgainUntilItIsFixed() throws {
        let site = try fortyPageSite()
        guard case .built = try build(site) else { Issue.record("the first build failed"); return }
        let page = try site.read("content/fr/p05.yaml")
        let slipped = page.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35")
        #expect(slipped != page)
        try site.write(slipped, to: "content/fr/p05.yaml")
        for _ in 0..<2 {
            guard case .failed(let problems) = try build(site) else { Issue.record("the slip was not found"); return }
            #expect(problems.contains { $0.location.file.hasSuffix("content/fr/p05.yaml") && $0.message.contains("differs") })
        }
        try site.write(page, to: "content/fr/p05.yaml")
        guard case .built = try build(site) else { Issue.record("the fixed site did not build"); return }
    }
}
