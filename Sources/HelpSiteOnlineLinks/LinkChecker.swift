import HelpSiteModel
import HelpSiteLinks

/// The links stage: the built `public/` → every broken link, as diagnostics.
///
/// Offline (always): internal links and assets, `#fragments`, translations and
/// `hreflang`, `mailto:`, `tel:`, `javascript:` and `http:` links, read from the
/// HTML with `HTMLTokenizer`. Online (with `OnlineOptions`): each distinct
/// external URL once, over HTTP. Nothing is printed; progress is a callback.
public struct LinkChecker: Sendable {
    public struct Configuration: Sendable {
        /// As the user named it; messages start with it: `public/fr/plaintes/index.html:64:9`.
        public var publicDirectory: String
        /// The loaded content, when there is one: which pages are translations of
        /// each other, the content line of each link, `base_url`, the phone region
        /// and the `link_check:` exclude patterns of site.yaml.
        public var site: Site?
        /// The content folder, when `site` is not given: site.yaml is read at once, the
        /// pages only for the content lines of the links that have problems.
        public var contentDirectory: String?
        /// nil for an offline check.
        public var online: OnlineOptions?
        /// `http://127.0.0.1:8080/`: check the site as this server serves it, read
        /// from its root page, instead of the public folder on disk.
        public var servedAt: String?
        /// Timeouts and limits for reading a served site when there is no online check.
        public var serverOptions = OnlineOptions()
        /// The ledger of every address the site has published, each of which it must still
        /// serve; nil is `published.txt` in the content folder, when there is one.
        public var ledgerFile: String?

        public init(publicDirectory: String = "public", site: Site? = nil, online: OnlineOptions? = nil) {
            self.publicDirectory = publicDirectory
            self.site = site
            self.online = online
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Checks every page of the public folder; `progress` is called as each external URL is done.
    /// - Parameter finished: receives what the check read (pages, links) once it is done with
    ///   it. By default it is freed on return; a process that exits right after (the `helpsite
    ///   links` command) may keep it instead, since freeing 30,000 pages' worth of small objects
    ///   one by one took a twentieth of an offline check.
    public func check(progress: @escaping @Sendable (LinkProgress) -> Void = { _ in },
                      finished: (any Sendable) -> Void = { _ in }) async -> LinkReport {
        let started = ContinuousClock.now
        var report = LinkReport()
        guard case (let settings, var sources)? = content(into: &report) else { return report }
        let ledger = publishedAddresses(into: &report)
        let folder: PublicFolder
        let exclusion: LinkExclusion
        do {
            exclusion = try LinkExclusion(settings?.linkCheck.exclude.map(\.value) ?? [])
            if let served = configuration.servedAt {
                let crawler = SiteCrawler(root: served.hasSuffix("/") ? served : served + "/", baseURL: settings?.baseURL.value,
                                          options: configuration.online ?? configuration.serverOptions)
                folder = try await crawler.crawl(seeds: ledger?.entries.map(\.address) ?? [])
            } else {
                folder = try PublicFolder.read(configuration.publicDirectory)
            }
        } catch {
            report.problems.append(LinkProblem(error as? Diagnostic ?? .error("\(error)", at: SourceLocation(file: configuration.publicDirectory)),
                                               link: nil))
            return report
        }
        let region = settings?.phoneRegion.value ?? "BE"
        let context = OfflineContext(
            folder: folder, siteURLs: [settings?.baseURL.value ?? Self.baseURL(from: folder), configuration.servedAt].compactMap { $0 },
            sources: sources, phoneRegion: region, exclusion: exclusion)
        var findings = OfflineCheck.run(context)
        for path in folder.unreadable {
            let location = SourceLocation(file: folder.display(path))
            findings.problems.append(LinkProblem(Diagnostic(.error, "\(folder.display(path)) cannot be read", at: location, code: .linkUnreadable),
                                                 link: nil))
        }
        if let ledger {
            findings.problems += PublishedAddressCheck.problems(ledger, in: folder, servedAt: configuration.servedAt)
        }
        if let online = configuration.online {
            report.urls = await checkOnline(context, online, exclusion, progress, into: &findings)
            if let settings, !settings.outsideFacts.isEmpty {
                report.urls = await checkOutsideFacts(settings, online, known: report.urls, into: &findings)
            }
        }
        // Content lines, read only for the pages that have problems.
        let pagesWithProblems = Set(findings.problems.compactMap(\.page) + findings.problems.flatMap(\.alsoOn))
        findings.problems += sources.loadLinks(ofPages: pagesWithProblems, region: region).map { LinkProblem($0, link: nil) }
        for index in findings.problems.indices { sources.relocate(&findings.problems[index]) }
        report.problems += findings.problems.sorted { $0.diagnostic.location < $1.diagnostic.location }
        report.pages = folder.pages.map { folder.display($0.path) }
        report.summary.pages = folder.pages.count
        for verdict in findings.verdicts.values { report.summary.count(verdict) }
        report.summary.elapsed = ContinuousClock.now - started
        finished(WorkingSet(context: context, folder: folder, findings: findings, sources: sources))
        return report
    }

    /// Each distinct external URL in page order, and every link that uses it.
    static func externalURLs(_ context: OfflineContext) -> ([String], [String: [ResolvedLink]]) {
        var order: [String] = []
        var occurrences: [String: [ResolvedLink]] = [:]
        for link in context.links {
            guard case .external(let url) = link.target else { continue }
            if occurrences[url] == nil { order.append(url) }
            occurrences[url, default: []].append(link)
        }
        return (order, occurrences)
    }

    /// Without site.yaml, a page's link to itself tells the base URL: its canonical
    /// link, or the alternate whose hreflang is its own lang. On `fr/plaintes/index.html`,
    /// `https://help.example.com/fr/plaintes/` gives `https://help.example.com/`.
    static func baseURL(from folder: PublicFolder) -> String? {
        for page in folder.pages {
            let folderPath = page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path
            let selfLinks = page.links.filter { link in
                link.element == "link" && (link.rel.contains("canonical") || (link.rel.contains("alternate") && link.hreflang == page.lang))
            }
            for link in selfLinks where LinkResolver.scheme(of: link.url) != nil {
                if folderPath.isEmpty { return link.url.hasSuffix("/") ? link.url : link.url + "/" }
                if link.url.hasSuffix("/" + folderPath) { return String(link.url.dropLast(folderPath.count)) }
            }
        }
        return nil
    }

    /// What a check read and worked out, handed to the caller's `finished`.
    private struct WorkingSet: Sendable {
        let context: OfflineContext
        let folder: PublicFolder
        let findings: OfflineFindings
        let sources: LinkSources
    }
}
