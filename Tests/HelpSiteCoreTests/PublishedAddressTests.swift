import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
import HelpSitePublish
import HelpSiteOnlineLinks
@testable import HelpSitePipeline

/// The ledger of published addresses (`content/published.txt`): a build that would drop an
/// address fails unless site.yaml redirects it, and a redirect is served by the rule files
/// and a page at the old address.
@Suite("Published addresses")
struct PublishedAddressTests {
    /// A copy of the shipped site (with its committed ledger), built as `helpsite build` builds it.
    func build(_ copy: ShippedCopy, recording: Bool = true) throws -> Pipeline.Outcome {
        var pipeline = Pipeline(content: copy.content, templates: copy.folder.path + "/templates", output: copy.folder.path + "/public",
                                generator: copy.folder.path + "/bin/helpsite")
        pipeline.recordsAddresses = recording
        return try pipeline.build()
    }

    func copy() throws -> ShippedCopy {
        let copy = try ShippedCopy()
        try copy.folder.write("helpsite 1", to: "bin/helpsite")
        return copy
    }

    func failures(_ outcome: Pipeline.Outcome) -> [Diagnostic] {
        if case .failed(let problems) = outcome { return problems.sorted }
        Issue.record("the build did not fail: \(outcome)")
        return []
    }

    /// As the web team renames a page: its slug, and the links of the other pages to it.
    func renameFrenchSlug(_ copy: ShippedCopy) throws {
        try copy.edit("fr/complaints.yaml", "slug: plaintes", "slug: reclamations")
        for file in ["fr/faq.yaml", "fr/contact.yaml"] {
            try copy.folder.write(try copy.folder.read("content/" + file).replacingOccurrences(of: "](../plaintes/", with: "](../reclamations/"),
                                  to: "content/" + file)
        }
    }

    @Test func theCommittedLedgerIsCurrent() throws {
        let copy = try copy()
        let before = try copy.folder.read("content/published.txt")
        guard case .built(let summary) = try build(copy) else { Issue.record("the shipped site does not build"); return }
        #expect(summary.newAddresses.isEmpty, "content/published.txt lacks \(summary.newAddresses): run `swift run helpsite build`")
        #expect(try copy.folder.read("content/published.txt") == before)
        for line in ["en/complaints/ complaints", "fr/plaintes/ complaints", "nl/klachten/ complaints"] {
            #expect(before.split(separator: "\n").contains(Substring(line)), "\(line)")
        }
    }

    @Test func aRenamedSlugWithoutARedirectFailsNamingTheOldAddress() throws {
        let copy = try copy()
        _ = try build(copy)
        let published = try Data(contentsOf: URL(fileURLWithPath: copy.folder.path + "/public/fr/plaintes/index.html"))
        try renameFrenchSlug(copy)
        let problems = failures(try build(copy))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.code == .addressDropped)
        #expect(problem.location == SourceLocation(file: copy.content + "/fr/complaints.yaml", line: try copy.line(of: "slug:", in: "fr/complaints.yaml"), column: 7))
        #expect(problem.message.contains("would drop the published address fr/plaintes/: page 'complaints' is now at fr/reclamations/"))
        #expect(problem.message.contains("redirects: { fr/plaintes/: complaints }"))
        #expect(problem.notes.map(\.location.file) == [copy.content + "/published.txt"])
        // Nothing was published, and the ledger did not change.
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy.folder.path + "/public/fr/plaintes/index.html")) == published)
        #expect(!(try copy.folder.read("content/published.txt")).contains("reclamations"))
        // The check says so too, before any build.
        let check = Pipeline(content: copy.content, generator: nil, cache: copy.folder.path + "/.check-cache").check()
        #expect(check.diagnostics.map(\.code) == [.addressDropped])
    }

    @Test func withARedirectTheBuildPassesAndServesTheOldAddress() throws {
        let copy = try copy()
        _ = try build(copy)
        try renameFrenchSlug(copy)
        try copy.folder.write(try copy.folder.read("content/site.yaml") + "\nredirects:\n  fr/plaintes/: complaints\n", to: "content/site.yaml")
        guard case .built(let summary) = try build(copy) else { Issue.record("the build failed"); return }
        #expect(summary.newAddresses == ["fr/reclamations/"])
        let ledger = try copy.folder.read("content/published.txt").split(separator: "\n")
        #expect(ledger.contains("fr/plaintes/ complaints") && ledger.contains("fr/reclamations/ complaints"))
        let page = try copy.folder.read("public/fr/plaintes/index.html")
        for part in ["<html lang=\"fr\">", "<meta name=\"robots\" content=\"noindex\">",
                     "<link rel=\"canonical\" href=\"https://help.example.com/fr/reclamations/\">",
                     "<meta http-equiv=\"refresh\" content=\"0; url=../../fr/reclamations/\">",
                     "<h1>Cette page a changé d&#39;adresse.</h1>", "<a href=\"../../fr/reclamations/\">Procédure de plainte</a>"] {
            #expect(page.contains(part), "\(part)")
        }
        #expect(try copy.folder.read("public/nginx-redirects.conf").contains("location = /fr/plaintes/ { return 301 /fr/reclamations/; }\n"))
        #expect(try copy.folder.read("public/.htaccess").contains("RedirectMatch 301 ^/fr/plaintes(/|/index\\.html)?$ /fr/reclamations/\n"))
        #expect(try copy.folder.read("public/_redirects").contains("/fr/plaintes/ /fr/reclamations/ 301!\n"))
        #expect(FileManager.default.fileExists(atPath: copy.folder.path + "/public/fr/reclamations/index.html"))
    }

    @Test func aBuildThatOnlyConfirmsTheLedgerLeavesItAndTheNextBuildIsUpToDate() throws {
        let copy = try copy()
        try FileManager.default.removeItem(atPath: copy.content + "/published.txt")
        guard case .built(let first) = try build(copy) else { Issue.record("the build failed"); return }
        #expect(first.newAddresses.count == first.pages)
        #expect(Set(["en/complaints/", "fr/plaintes/", "nl/klachten/"]).isSubset(of: first.newAddresses))
        let written = try FileManager.default.attributesOfItem(atPath: copy.content + "/published.txt")[.modificationDate] as? Date
        // Writing the ledger is not a change of the content.
        guard case .upToDate = try build(copy) else { Issue.record("the build after the one that wrote the ledger was not up to date"); return }
        // A page edit reads that page again, and leaves the ledger as it is.
        try copy.edit("en/complaints.yaml", "title: Complaints procedure", "title: How to complain")
        guard case .built(let second) = try build(copy) else { Issue.record("the build failed"); return }
        #expect(second.newAddresses.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: copy.content + "/published.txt")[.modificationDate] as? Date == written)
        // A note a person adds is kept: the ledger is rewritten only when it gains an address.
        let annotated = try copy.folder.read("content/published.txt") + "# nl/klachten/ is printed in the contracts since 2024\n"
        try copy.folder.write(annotated, to: "content/published.txt")
        guard case .built(let third) = try build(copy) else { Issue.record("the build failed"); return }
        #expect(third.newAddresses.isEmpty && third.kept == third.pages, "a change of the ledger reads no page")
        #expect(try copy.folder.read("content/published.txt") == annotated)
        guard case .upToDate = try build(copy) else { Issue.record("the build after a confirming one was not up to date"); return }
    }

    @Test func aPreviewChecksTheLedgerAndNeverWritesIt() throws {
        let copy = try copy()
        try copy.edit("en/complaints.yaml", "slug: complaints", "slug: complaints-procedure")
        try copy.folder.write(try copy.folder.read("content/site.yaml") + "\nredirects:\n  en/complaints/: complaints\n", to: "content/site.yaml")
        let before = try copy.folder.read("content/published.txt")
        guard case .built(let summary) = try build(copy, recording: false) else { Issue.record("the build failed"); return }
        #expect(summary.newAddresses == ["en/complaints-procedure/"])
        #expect(try copy.folder.read("content/published.txt") == before)
    }

    @Test func anAddressAddedToTheLedgerByHandMustBeServed() throws {
        let copy = try copy()
        try copy.folder.write(try copy.folder.read("content/published.txt") + "nl/klachtenprocedure/ complaints\nnl/tarieven/ rates\n",
                              to: "content/published.txt")
        let problems = failures(try build(copy))
        #expect(problems.map(\.code) == [.addressDropped, .addressDropped])
        // A page that is still there is named at its slug; one that is gone at the ledger's line.
        #expect(problems.map(\.location.file) == [copy.content + "/nl/complaints.yaml", copy.content + "/published.txt"])
        #expect(problems.first?.message.contains("nl/klachtenprocedure/: page 'complaints' is now at nl/klachten/") == true)
        #expect(problems.last?.location.line == (try copy.line(of: "nl/tarieven/ rates", in: "published.txt")))
        #expect(problems.last?.message.contains("nl/tarieven/ of page 'rates', which no page has any more") == true)
    }

    @Test(arguments: [
        ("fr/anciennes/: complaint", "fr/anciennes/ redirects to page 'complaint', and fr has no such page; did you mean 'complaints'?"),
        ("fr/anciennes/: fr/reclamation/", "fr/anciennes/ redirects to fr/reclamation/, which is the address of no page of this build"),
        ("fr/plaintes/: fr/plaintes/", "fr/plaintes/ is the address of page 'complaints'; a redirect would hide the page: remove it from redirects"),
        ("klachten/: complaints", "klachten/ is in no language's folder, so page 'complaints' does not say which language: write the new address, such as nl/klachten/"),
    ])
    func aRedirectThatCannotBeServedIsAnError(redirect: String, message: String) throws {
        let copy = try copy()
        try copy.folder.write(try copy.folder.read("content/site.yaml") + "\nredirects:\n  \(redirect)\n", to: "content/site.yaml")
        let problems = failures(try build(copy))
        #expect(problems.map(\.code) == [.addressRedirect])
        #expect(problems.first?.message.hasPrefix(message) == true, "\(problems.first?.message ?? "")")
        #expect(problems.first?.location.file == copy.content + "/site.yaml")
    }

    @Test(arguments: [
        ("fr/plaintes: complaints", "an old address under 'redirects' 'fr/plaintes' is not a page address such as fr/plaintes/ (a page's address ends in /: fr/plaintes/)"),
        ("https://example.org/x/: complaints", "an old address under 'redirects' 'https://example.org/x/' is not under base_url https://help.example.com/"),
        ("fr/plaintes/: [complaints]", "where 'fr/plaintes/' goes must be text, found a list"),
    ])
    func aRedirectOfTheWrongFormIsReportedAtItsPlace(redirect: String, message: String) throws {
        let copy = try copy()
        let site = try copy.folder.read("content/site.yaml")
        try copy.folder.write(site + "\nredirects:\n  \(redirect)\n", to: "content/site.yaml")
        let problem = try #require(failures(try build(copy)).first)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
        #expect(problem.location.line == site.split(separator: "\n", omittingEmptySubsequences: false).count + 2)
    }

    @Test func aWholeAddressUnderBaseURLAndAPathFromTheRootAreTheSameAddress() throws {
        let copy = try copy()
        try copy.edit("nl/complaints.yaml", "slug: klachten", "slug: klachtenprocedure")
        try copy.edit("en/complaints.yaml", "slug: complaints", "slug: complaints-procedure")
        try copy.folder.write(try copy.folder.read("content/site.yaml")
                              + "\nredirects:\n  https://help.example.com/nl/klachten/: complaints\n  /en/complaints/: /en/complaints-procedure/\n",
                              to: "content/site.yaml")
        guard case .built = try build(copy) else { Issue.record("the build failed"); return }
        let rules = try copy.folder.read("public/_redirects")
        #expect(rules.contains("/nl/klachten/ /nl/klachtenprocedure/ 301!\n") && rules.contains("/en/complaints/ /en/complaints-procedure/ 301!\n"))
    }

    @Test func theLinkCheckReportsALedgerAddressThatTheBuiltSiteNoLongerServes() async throws {
        let copy = try copy()
        try renameFrenchSlug(copy)
        try copy.folder.write(try copy.folder.read("content/site.yaml") + "\nredirects:\n  fr/plaintes/: complaints\n", to: "content/site.yaml")
        guard case .built = try build(copy) else { Issue.record("the build failed"); return }
        var configuration = LinkChecker.Configuration(publicDirectory: copy.folder.path + "/public")
        configuration.contentDirectory = copy.content
        #expect(await LinkChecker(configuration).check().problems.isEmpty, "the redirect page serves the old address")
        // Uploaded without the redirect page: the address is no longer served.
        try FileManager.default.removeItem(atPath: copy.folder.path + "/public/fr/plaintes")
        let dropped = await LinkChecker(configuration).check().problems.filter { $0.diagnostic.code == .linkDropped }
        #expect(dropped.count == 1)
        #expect(dropped.first?.diagnostic.location == SourceLocation(file: copy.content + "/published.txt",
                                                                    line: try copy.line(of: "fr/plaintes/ ", in: "published.txt"), column: 1))
        #expect(dropped.first?.diagnostic.message.hasPrefix("fr/plaintes/ (page 'complaints') was published, and ") == true)
    }

    @Test func theLedgerReadsStrictly() throws {
        let folder = try TemporaryFolder()
        try folder.write("# a comment\n\nnl/klachten/ complaints\nnl/klachten complaints\nfr/plaintes/\nnl/klachten/ other\n", to: "published.txt")
        let (ledger, problems) = PublishedAddresses.read(folder.path + "/published.txt")
        #expect(ledger.entries == [PublishedAddresses.Entry(address: "nl/klachten/", page: "complaints", line: 3)])
        #expect(problems.sorted.map(\.location.line) == [4, 5, 6])
        #expect(problems.sorted.last?.message == "nl/klachten/ is listed twice")
    }

    @Test(arguments: [
        ("nl/klachten/", true), ("fr/plaintes-2026/", true), ("en/a_b.c~d/", true), ("nl/", true),
        ("nl/klachten", false), ("/nl/klachten/", false), ("nl//klachten/", false), ("nl/./", false), ("nl/../", false),
        ("nl/réclamation/", false), ("nl/klacht en/", false), ("nl/klachten/?a=1/", false), ("/", false), ("", false),
    ])
    func anAddressIsAFolderPathOfPlainCharacters(text: String, isAddress: Bool) {
        #expect(PublishedAddresses.isAddress(text) == isAddress)
    }

    @Test func aLedgerLineIsReadWithoutTheSpaceAroundIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("  nl/klachten/\tcomplaints \t\n\u{A0}fr/plaintes/ complaints\u{A0}\n", to: "published.txt")
        let (ledger, problems) = PublishedAddresses.read(folder.path + "/published.txt")
        #expect(ledger.entries == [PublishedAddresses.Entry(address: "fr/plaintes/", page: "complaints", line: 2),
                                   PublishedAddresses.Entry(address: "nl/klachten/", page: "complaints", line: 1)])
        #expect(problems.isEmpty)
    }

    @Test func theRuleFilesMatchEveryFormOfTheOldAddressUnderTheSitesRoot() {
        let redirect = ServedRedirect(from: "fr/plaintes/", to: "fr/reclamations/", language: "fr", title: "Plaintes")
        let files = Dictionary(uniqueKeysWithValues: RedirectRules.files([redirect], root: "/help/").map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        #expect(files["nginx-redirects.conf"]?.hasSuffix("""
            location = /help/fr/plaintes/ { return 301 /help/fr/reclamations/; }
            location = /help/fr/plaintes { return 301 /help/fr/reclamations/; }
            location = /help/fr/plaintes/index.html { return 301 /help/fr/reclamations/; }

            """) == true)
        #expect(files[".htaccess"]?.contains("RedirectMatch 301 ^/help/fr/plaintes(/|/index\\.html)?$ /help/fr/reclamations/\n</IfModule>\n") == true)
        #expect(files["_redirects"]?.hasSuffix("/help/fr/plaintes/index.html /help/fr/reclamations/ 301!\n/help/fr/plaintes/index.html /help/fr/reclamations/ 301\n") == true)
    }
}
