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
