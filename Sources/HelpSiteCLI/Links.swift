import ArgumentParser
import Dispatch
import Foundation
import HelpSiteOnlineLinks
import HelpSiteModel

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every link of the built site: offline by default, external addresses with --online.",
        discussion: """
            Reads the HTML of public/ (run helpsite build first) and checks, without \
            touching the network: that every internal link and asset leads to a file, \
            that every #anchor exists on its page, that every page links to each of its \
            translations with a complete, reciprocal hreflang set that matches each \
            page's <html lang>, that mailto: holds an e-mail address and tel: an E.164 \
            number, that no link runs javascript:, and (a warning) that no link uses \
            http: where https: is expected.

            With --online it also asks each distinct external address once: HEAD, or GET \
            when a server refuses HEAD; redirects followed one by one (a permanent one is \
            a warning with the new address, a loop an error); retries for time-outs, 5xx \
            and 429 (Retry-After is honoured, up to a limit). Good results are cached in \
            .helpsite-cache/links.json beside public/ for --cache-ttl. Addresses matching \
            a pattern under link_check: exclude: in content/site.yaml are skipped.

            It also asks that every address of content/published.txt, the addresses the \
            site has published, is still served: a page, or a redirect to one. With \
            --online, a page that answers 200 but says "not found" (a soft 404) is \
            broken, and each page of outside_facts: in content/site.yaml is fetched and \
            must still show the facts the content publishes for that organisation.

            Problems name the page, the line in the HTML and the link, and the content \
            file and line the link was written on when it comes from content/; a finding \
            about an external address is reported at that content line. \
            Exit status: 0 no error, 1 errors (or warnings with --strict), 2 wrong usage.

            Examples:
              helpsite links                              offline check of public/
              helpsite links --online                     also ask every external address
              helpsite links --online --cache-ttl 0       ask again, ignoring the cache
              helpsite links --online --strict            the release check: warnings fail too
              helpsite links --format junit > links.xml   a report for the CI system
              helpsite links --url http://127.0.0.1:8080/ the site as a server serves it
              helpsite links --format json | jq '.summary'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json, junit
    }

    @Option(name: .long, help: ArgumentHelp("The built site to check.", valueName: "dir"))
    var `public` = "public"

    @Option(name: .long, help: ArgumentHelp("Check the site as this server serves it (read from its root page) instead of public/.", valueName: "url"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp("The content folder, for translations and content lines; 'none' to check public/ alone.", valueName: "dir"))
    var content = "content"

    @Flag(name: .long, help: "Also check external addresses over the network, and the facts of outside_facts: in site.yaml.")
    var online = false

    @Flag(name: .long, help: "Warnings fail too (exit 1): a permanent redirect, an http: link, a rate limit.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("human (default), json or junit, on standard output.", valueName: "format"))
    var format: Format = .human

    @Option(name: .long, help: ArgumentHelp("How long a good external result is trusted: 0, 90s, 30m, 12h, 7d.", valueName: "duration"))
    var cacheTTL = "1d"

    @Option(name: .long, help: ArgumentHelp("The cache file (default: .helpsite-cache/links.json beside the public folder).", valueName: "file"))
    var cache: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for one answer.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("Further tries after a time-out, a 5xx or a 429.", valueName: "n"))
    var retries = 2

    @Option(name: .long, help: ArgumentHelp("Requests in flight at once; at most 2 of them to one host.", valueName: "n"))
    var concurrency = 16

    func validate() throws {
        guard LinksOptions.duration(cacheTTL) != nil else {
            throw ValidationError("--cache-ttl '\(cacheTTL)' is not a duration; write 0, 90s, 30m, 12h or 7d")
        }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256") }
        if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) || URL(string: url)?.host == nil {
            throw ValidationError("--url '\(url)' is not an http(s) address such as http://127.0.0.1:8080/")
        }
        if content != "none", content != "content", !FileManager.default.fileExists(atPath: content) {
            throw ValidationError("--content '\(content)' does not exist; name the content folder, or 'none' to check public/ alone")
        }
    }

    func run() throws {
        var configuration = LinkChecker.Configuration(publicDirectory: self.public)
        configuration.servedAt = url
        configuration.serverOptions.timeout = .milliseconds(Int(timeout * 1000))
        configuration.contentDirectory = LinksOptions.contentDirectory(content)
        if online {
            configuration.online = LinksOptions.online(
                ttl: LinksOptions.duration(cacheTTL)!, cache: cache ?? LinksOptions.defaultCache(beside: self.public),
                timeout: timeout, retries: retries, concurrency: concurrency)
        }
        let progress = ProgressLine()
        let checker = LinkChecker(configuration)
        // The command exits once the report is out: what the check read is never freed.
        let report = blocking { await checker.check(progress: { progress.show($0) }, finished: { ProcessLifetime.keep($0) }) }
        progress.clear()
        switch format {
        case .human: LinksOutput.human(report)
        case .json: print(LinksOutput.json(report, online: online))
        case .junit: print(LinksOutput.junit(report))
        }
        if report.hasErrors || (strict && report.diagnostics.warningCount > 0) { throw ExitCode.failure }
    }
}

/// Runs async work from the synchronous command; the main thread waits, the work runs on the cooperative pool.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Written once by the task before it signals, read once after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
