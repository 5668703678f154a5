import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// The release check of issue #18 against servers on 127.0.0.1 only: a copy of the shipped
/// site whose outside addresses are the test server's (a permanent redirect, a temporary
/// one, a soft 404), with `outside_facts:` for two organisations (one whose page writes every
/// fact otherwise, one whose e-mail address changed). Everything else is excluded, so that
/// nothing reaches the internet.
@Suite("The release check of outside addresses and facts")
struct ReleaseCheckTests {
    struct Project {
        let copy: ShippedCopy
        let server: TestHTTPServer
    }

    static func project() async throws -> Project {
        let server = try await TestHTTPServer()
        let copy = try ShippedCopy()
        for language in ["nl", "fr", "en"] {
            let file = "\(language)/complaints.yaml"
            // The link's text names no site: a text that does would have to lead to it.
            try copy.edit(file, "[consumerconnect.be](https://consumerconnect.be)", "[ConsumerConnect](\(server.url("/chain/1")))")
            try copy.edit(file, "url: https://www.ombudsfin.be/nl/klacht-indienen", "url: \(server.url("/soft-404"))")
            try copy.edit(file, "url: https://www.ombudsman-insurance.be", "url: \(server.url("/temporary"))")
        }
        let site = try copy.folder.read("content/site.yaml")
        try copy.folder.write(site + """

            link_check:
              exclude:
                - ^https://

            outside_facts:
              - contact: economy
                page: \(server.url("/moved-contact"))
                facts: [address, phone, email]
              - contact: ombudsfin
                page: \(server.url("/ombudsfin-contact"))
                facts: [address, email]

            """, to: "content/site.yaml")
        return Project(copy: copy, server: server)
    }

    /// `helpsite links` as a process, waited for on a thread of its own (see `NginxEndToEndTests.script`).
    static func helpsite(_ arguments: String..., in folder: String) async throws -> HelpsiteRunner.Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try HelpsiteRunner().helpsite(arguments, in: folder) }) }.start()
        }
    }

    func check(_ project: Project) async throws -> LinkReport {
        #expect(try await Self.helpsite("build", in: project.copy.folder.path).status == 0)
        var configuration = LinkChecker.Configuration(publicDirectory: project.copy.folder.path + "/public", online: OnlineLinkTests.options())
        configuration.contentDirectory = project.copy.content
        return await LinkChecker(configuration).check()
    }

    @Test func eachFindingIsAtItsPlaceInTheContentAndTheTemporaryRedirectIsQuiet() async throws {
        let project = try await Self.project()
        let (copy, server) = (project.copy, project.server)
        let report = try await check(project)
        let found = report.problems.map { "\($0.diagnostic.code.rawValue) \($0.diagnostic.location.file):\($0.diagnostic.location.line)" }
        // Reported at the first page that links it (en, in path order), at its content line.
        let en = copy.content + "/en/complaints.yaml", nl = copy.content + "/nl/complaints.yaml"
        #expect(found.sorted() == [
            "link.redirected \(en):\(try copy.line(of: server.url("/chain/1"), in: "en/complaints.yaml"))",
            "link.redirected \(copy.content)/site.yaml:\(try copy.line(of: server.url("/moved-contact"), in: "site.yaml"))",
            "link.soft404 \(en):\(try copy.line(of: server.url("/soft-404"), in: "en/complaints.yaml"))",
            "outside.changed \(nl):\(try copy.line(of: "email: ombudsman@ombudsfin.be", in: "nl/complaints.yaml"))",
        ].sorted(), "\(report.problems.map(\.diagnostic.description))")

        let moved = try #require(report.problems.first { $0.diagnostic.code == .linkRedirected && $0.diagnostic.location.file == en })
        #expect(moved.diagnostic.severity == .warning)
        #expect(moved.diagnostic.message == "moved: update it to \(server.url("/chain/3")) (\(server.url("/chain/1")) redirects there permanently)")
        // The page that links it, then the other languages' lines.
        #expect(moved.diagnostic.notes.map(\.location.file) == [copy.folder.path + "/public/en/complaints/index.html",
                                                                copy.content + "/fr/complaints.yaml", nl])

        let soft = try #require(report.problems.first { $0.diagnostic.code == .linkSoft404 })
        #expect(soft.diagnostic.severity == .error)
        #expect(soft.diagnostic.message.contains("says 'Pagina niet gevonden | Ombudsfin' (a soft 404)"))
        #expect(try OnlineLinkTests.result("/soft-404", report, server).softNotFound == true)

        let changed = try #require(report.problems.first { $0.diagnostic.code == .outsideChanged })
        #expect(changed.diagnostic.message.hasPrefix(
            "Ombudsman in financiële geschillen (Ombudsfin)'s page \(server.url("/ombudsfin-contact")) no longer shows the e-mail address ombudsman@ombudsfin.be written here"))
        #expect(changed.diagnostic.notes.map(\.location.file) == [copy.content + "/site.yaml"])

        // The temporary redirect was followed, and is quiet.
        #expect(try OnlineLinkTests.result("/temporary", report, server).verdict == .ok)
        #expect(server.state.requests("/temporary-target") == 1)
        // The supervisor's page moved permanently: said, and its facts were found on the new one.
        #expect(try OnlineLinkTests.result("/moved-contact", report, server).redirectedTo == server.url("/economy-contact"))
        await server.stop()
    }

    @Test func theCommandCarriesTheFindingsWithTheirCodesAndStrictFailsOnTheWarnings() async throws {
        let project = try await Self.project()
        let folder = project.copy.folder.path
        // Without the soft 404 and the changed fact only warnings are left: 0, and 1 with --strict.
        try project.copy.folder.write(try project.copy.folder.read("content/site.yaml")
            .replacingOccurrences(of: "/ombudsfin-contact", with: "/economy-contact").replacingOccurrences(of: "contact: ombudsfin", with: "contact: economy")
            .replacingOccurrences(of: "facts: [address, email]", with: "facts: [phone]"), to: "content/site.yaml")
        for language in ["nl", "fr", "en"] {
            try project.copy.edit("\(language)/complaints.yaml", project.server.url("/soft-404"), project.server.url("/ok"))
        }
        #expect(try await Self.helpsite("build", in: folder).status == 0)
        let lenient = try await Self.helpsite("links", "--online", "--cache-ttl", "0", in: folder)
        #expect(lenient.status == 0, "\(lenient.errors)")
        #expect(lenient.errors.contains("warning: moved: update it to \(project.server.url("/chain/3"))"))
        let strict = try await Self.helpsite("links", "--online", "--strict", "--cache-ttl", "0", in: folder)
        #expect(strict.status == 1)
        await project.server.stop()
    }

    @Test func jsonAndJUnitNameTheNewCodes() async throws {
        let project = try await Self.project()
        let folder = project.copy.folder.path
        #expect(try await Self.helpsite("build", in: folder).status == 0)
        let json = try await Self.helpsite("links", "--online", "--format", "json", "--cache-ttl", "0", in: folder)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let codes = Set((document["problems"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        #expect(codes == ["link.redirected", "link.soft404", "outside.changed"])
        let urls = document["urls"] as? [[String: Any]] ?? []
        #expect(urls.contains { $0["url"] as? String == project.server.url("/soft-404") && $0["softNotFound"] as? Bool == true })
        let junit = try await Self.helpsite("links", "--online", "--format", "junit", "--cache-ttl", "0", in: folder)
        #expect(junit.output.contains("<failure type=\"link.soft404\""))
        #expect(junit.output.contains("<failure type=\"outside.changed\""))
        #expect(junit.output.contains("[link.redirected]"))
        await project.server.stop()
    }
}
