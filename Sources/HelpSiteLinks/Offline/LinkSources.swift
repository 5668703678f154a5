import Foundation
import HelpSiteModel
import HelpSiteMarkdown

/// Where each built page and each of its links came from in `content/`, so
/// that a broken link also names the YAML file and line a translator edits.
///
/// Links that content writes are found again the way the renderer makes them:
/// Markdown links through `CommonMark.links` (whose positions are mapped from
/// the Markdown back into the YAML file), and channels as `tel:`, `mailto:` or
/// the web address. Links the templates make (the language switcher, `hreflang`,
/// the stylesheet) have no content line; their problems name the page only.
package struct LinkSources: Sendable {
    /// Page path in `public/` (`fr/plaintes/index.html`) → its content file.
    package var pageFiles: [String: String] = [:]
    /// Page path → link as rendered → where the content wrote it (first occurrence);
    /// a page whose content was not read has no entry.
    package var links: [String: [String: SourceLocation]] = [:]
    /// Page id → language code → page path: which pages are translations of each other.
    package var translations: [String: [String: String]] = [:]

    package init() {}

    package init(site: Site) {
        for content in site.languages {
            for page in content.pages { add(page, language: content.language.code) }
        }
    }

    /// The page's place among its translations, and every link its content writes.
    package mutating func add(_ page: Page, language code: String) {
        let path = "\(code)/\(page.slug.value)/index.html"
        pageFiles[path] = page.file
        translations[page.id, default: [:]][code] = path
        var found: [String: SourceLocation] = [:]
        for markdown in Self.markdown(of: page) {
            for link in CommonMark.links(in: markdown.source) where found[link.destination] == nil {
                found[link.destination] = SourceLocation(
                    file: markdown.location.file, line: markdown.location.line + link.line - 1,
                    column: markdown.location.column + link.column - 1)
            }
        }
        for channel in Self.channels(of: page) {
            guard let href = Self.href(channel.value.value) else { continue }
            found[href] = found[href] ?? channel.value.location
        }
        links[path] = found
    }

    /// Adds notes to `problem`: the content line its link was written on, or the file its page is built from.
    package func annotate(_ problem: inout LinkProblem) {
        guard let page = problem.page, let file = pageFiles[page] else { return }
        if let url = problem.link, let written = location(of: url, onPage: page) {
            problem.diagnostic.notes.insert(.init("the link is written here", at: written), at: 0)
        } else if problem.link != nil {
            problem.diagnostic.notes.insert(.init("the page is built from this file (the link comes from a template)", at: SourceLocation(file: file)), at: 0)
        } else {
            problem.diagnostic.notes.insert(.init("the page is built from this file", at: SourceLocation(file: file)), at: 0)
        }
    }

    /// For a finding about an address the content writes (`LinkProblem.atContent`): its place
    /// becomes the content line, the page's place a note, and the other pages' places the
    /// content lines they were written on, when those are known; otherwise as `annotate`.
    package func relocate(_ problem: inout LinkProblem) {
        guard problem.atContent, let page = problem.page, let url = problem.link, let written = location(of: url, onPage: page) else {
            return annotate(&problem)
        }
        var seen: Set<SourceLocation> = [written]
        var notes: [Diagnostic.Note] = [.init("the page that links it", at: problem.diagnostic.location)]
        for (index, note) in problem.diagnostic.notes.enumerated() {
            if index < problem.alsoOn.count, let other = location(of: url, onPage: problem.alsoOn[index]) {
                if seen.insert(other).inserted { notes.append(.init("also written here", at: other)) }
            } else {
                notes.append(note)
            }
        }
        problem.diagnostic.location = written
        problem.diagnostic.notes = notes
    }

    /// Where the content wrote `url`, as rendered on the page at `path`.
    package func location(of url: String, onPage path: String) -> SourceLocation? {
        guard let written = links[path] else { return nil }
        return written[url] ?? written[url.removingPercentEncoding ?? url]
    }

    private static func markdown(of page: Page) -> [Markdown] {
        page.markdown
    }

    /// The channels the page shows, its own and those of the shared contacts it names
    /// (located in contacts.yaml, where they are written).
    private static func channels(of page: Page) -> [Channel] {
        page.sections.flatMap { $0.shownContacts.flatMap(\.channels) }
    }

    private static func href(_ value: Channel.Value) -> String? {
        switch value {
        case .phone(_, let e164): return "tel:" + e164
        case .email(let address): return "mailto:" + address
        case .url(let url): return url
        case .portal: return nil
        }
    }
}
