import AsyncHTTPClient
import HelpSiteModel
import HelpSiteLinks

/// `outside_facts:` in site.yaml, over the network: each outside page is fetched (redirects
/// followed, up to `maximumPageBytes` of it read) and each fact the content publishes for
/// the organisation is looked for on it, however the page writes it (`PageFacts`). A fact
/// no longer there is `outside.changed`, where the content writes it; a page that moved
/// permanently, is gone or says "not found" is reported at its line in site.yaml. The pages
/// are never cached: there are few, and a fact may change on any day.
enum OutsideFactCheck {
    static func run(_ expectations: [OutsideExpectation], options: OnlineOptions, region: String) async -> ([LinkProblem], [URLCheck]) {
        guard !expectations.isEmpty else { return ([], []) }
        let client = OnlineCheck.client(options)
        let probe = URLProbe(client: client, options: options,
                             limiter: RequestLimiter(total: options.concurrency, perHost: options.concurrencyPerHost))
        var problems: [LinkProblem] = []
        var checks: [URLCheck] = []
        for expectation in expectations {
            let (found, fetched) = await check(expectation, probe: probe, region: region)
            problems += found
            checks.append(fetched)
        }
        do {
            try await client.shutdown()
        } catch {
            let location = expectations[0].entry.location
            problems.append(LinkProblem(Diagnostic(.warning, "the HTTP client did not shut down cleanly: \(error)", at: location, code: .linkCache),
                                        link: nil))
        }
        return (problems, checks)
    }

    private static func check(_ expectation: OutsideExpectation, probe: URLProbe, region: String) async -> ([LinkProblem], URLCheck) {
        let page = expectation.entry.page
        let who = "\(expectation.organisation)'s page \(page.value)"
        var (fetched, body) = await probe.fetch(page.value, keeping: probe.options.maximumPageBytes)
        func problem(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                     notes: [Diagnostic.Note] = []) -> LinkProblem {
            LinkProblem(Diagnostic(severity, message, at: location, notes: notes, code: code), link: page.value)
        }
        guard fetched.verdict != .broken, fetched.verdict != .skipped else {
            let reason = fetched.reason ?? "no answer"
            return ([problem(.error, .linkBroken, "\(who), which outside_facts: reads for \(expectation.facts.count) facts, is broken: \(reason)",
                             at: page.location)], fetched)
        }
        var problems: [LinkProblem] = []
        if fetched.verdict == .redirected {
            problems.append(problem(.warning, .linkRedirected, OnlineDiagnostics.moved(page.value, to: fetched.redirectedTo), at: page.location))
        }
        if body.complete, body.isHTML, let heading = SoftNotFound.heading(in: body.bytes) {
            fetched.verdict = .broken
            fetched.softNotFound = true
            fetched.reason = "its page says '\(URLProbe.shortened(heading))' (a soft 404)"
            problems.append(problem(.error, .linkSoft404, "gone: \(who) \(fetched.reason!); its facts are not checked", at: page.location))
            return (problems, fetched)
        }
        let facts = PageFacts(html: body.bytes, url: fetched.redirectedTo ?? page.value, region: region)
        let read = body.complete ? "" : " (in the first \(body.bytes.count / 1024) KiB read of it)"
        for fact in expectation.facts where !facts.shows(fact) {
            problems.append(problem(
                .error, .outsideChanged,
                "\(who) no longer shows the \(fact.description) written here\(read): check their page, then update the content, or outside_facts: in site.yaml",
                at: fact.location, notes: [.init("outside_facts: asks it of \(page.value)", at: page.location)]))
        }
        return (problems, fetched)
    }
}
