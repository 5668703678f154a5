import HelpSiteModel
import HelpSiteLinks

/// Turns an external URL's result into one diagnostic, at the first page that
/// links to it, with a note for each other place (up to a few).
enum OnlineDiagnostics {
    static let notedPlaces = 5

    static func problem(for result: URLCheck, at links: [ResolvedLink], _ context: OfflineContext) -> LinkProblem? {
        guard let first = links.first else { return nil }
        let severity: Diagnostic.Severity
        let message: String
        let code: DiagnosticCode
        switch result.verdict {
        case .ok:
            return nil
        case .redirected:
            severity = .warning
            code = .linkRedirected
            message = moved(first.link.url, to: result.redirectedTo)
        case .broken where result.softNotFound == true:
            severity = .error
            code = .linkSoft404
            message = "gone: '\(first.link.url)' \(result.reason ?? "says the page is not found")"
        case .broken:
            severity = .error
            code = .linkBroken
            message = "broken link '\(first.link.url)': \(result.reason ?? "no answer")"
        case .skipped:
            // An excluded URL is the site's own choice; an undecided one is worth a look.
            guard result.status == 429 else { return nil }
            severity = .warning
            code = .linkUndecided
            message = "'\(first.link.url)' was not checked: \(result.reason ?? "rate-limited")"
        }
        var problem = context.problem(severity, code, message, at: first)
        problem.atContent = true
        var notes: [Diagnostic.Note] = []
        for link in links.dropFirst().prefix(notedPlaces) {
            let page = context.folder.pages[link.page]
            problem.alsoOn.append(page.path)
            let (line, column) = context.position(of: link.link.offset, in: page)
            notes.append(.init("also linked here", at: SourceLocation(file: context.folder.display(page.path), line: line, column: column)))
        }
        if links.count > notedPlaces + 1 {
            notes.append(.init("and \(links.count - notedPlaces - 1) more places", at: SourceLocation(file: context.folder.root)))
        }
        problem.diagnostic.notes += notes
        return problem
    }

    /// `moved: update it to https://new/ (https://old/ redirects there permanently)`.
    static func moved(_ url: String, to final: String?) -> String {
        "moved: update it to \(final ?? "?") (\(url) redirects there permanently)"
    }
}
