import Foundation
import HelpSiteModel
import HelpSiteLinks

extension LinkChecker {
    /// The site's settings and what is known of its pages, from `site` or the content folder;
    /// nil (with the problems in `report`) when site.yaml does not read.
    func content(into report: inout LinkReport) -> (SiteSettings?, LinkSources)? {
        if let site = configuration.site { return (site.settings, LinkSources(site: site)) }
        guard let directory = configuration.contentDirectory else { return (nil, LinkSources()) }
        let (settings, problems) = LinkSources.settings(contentDirectory: directory)
        report.problems += problems.sorted.map { LinkProblem($0, link: nil) }
        guard let settings else { return nil }
        return (settings, LinkSources.outline(contentDirectory: directory, settings: settings))
    }

    /// The ledger of published addresses, when there is one; its problems go into `report`.
    func publishedAddresses(into report: inout LinkReport) -> PublishedAddresses? {
        guard let file = configuration.ledgerFile ?? configuration.contentDirectory.map(PublishedAddresses.file(inContent:)),
              FileManager.default.fileExists(atPath: file) else { return nil }
        let (ledger, problems) = PublishedAddresses.read(file)
        report.problems += problems.sorted.map { LinkProblem($0, link: nil) }
        return ledger
    }

    /// Fetches each page of `outside_facts:` and looks for its facts; the pages join the
    /// external addresses (`known`, sorted by URL), their problems go into `findings`.
    func checkOutsideFacts(_ settings: SiteSettings, _ online: OnlineOptions, known: [URLCheck],
                           into findings: inout OfflineFindings) async -> [URLCheck] {
        let (expectations, problems): ([OutsideExpectation], Diagnostics)
        if let reference = configuration.site?.reference {
            (expectations, problems) = OutsideExpectation.resolve(settings, reference: reference)
        } else if let directory = configuration.contentDirectory {
            (expectations, problems) = OutsideExpectation.resolve(contentDirectory: directory, settings: settings)
        } else {
            return known
        }
        findings.problems += problems.sorted.map { LinkProblem($0, link: nil) }
        let (outside, checks) = await OutsideFactCheck.run(expectations, options: online, region: settings.phoneRegion.value)
        findings.problems += outside
        var urls = Dictionary(known.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        for check in checks where urls[check.url] == nil {
            urls[check.url] = check
            findings.verdicts[check.url] = check.verdict
        }
        return urls.values.sorted { $0.url < $1.url }
    }

    /// Asks every distinct external URL; its verdicts and problems go into `findings`.
    func checkOnline(
        _ context: OfflineContext, _ online: OnlineOptions, _ exclusion: LinkExclusion,
        _ progress: @escaping @Sendable (LinkProgress) -> Void, into findings: inout OfflineFindings
    ) async -> [URLCheck] {
        let (urls, occurrences) = Self.externalURLs(context)
        let (results, warnings) = await OnlineCheck.run(urls, options: online, exclusion: exclusion, progress: progress)
        for warning in warnings {
            let location = SourceLocation(file: online.cacheFile ?? context.folder.root)
            findings.problems.append(LinkProblem(Diagnostic(.warning, warning, at: location, code: .linkCache), link: nil))
        }
        for result in results {
            findings.verdicts[result.url] = result.verdict
            if let problem = OnlineDiagnostics.problem(for: result, at: occurrences[result.url] ?? [], context) {
                findings.problems.append(problem)
            }
        }
        return results.sorted { $0.url < $1.url }
    }
}
