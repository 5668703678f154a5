import HelpSiteModel

/// One link of one page, with what it points to. A class: the rules pass each of
/// the hundreds of thousands of links around for one reference count.
package final class ResolvedLink: Sendable {
    package let page: Int
    package let link: HTMLPage.Link
    package let target: LinkTarget
    /// The same target from any page is one distinct link in the summary.
    let key: String

    init(page: Int, link: HTMLPage.Link, target: LinkTarget, key: String? = nil) {
        self.page = page
        self.link = link
        self.target = target
        self.key = key ?? Self.key(of: target, url: link.url)
    }

    static func key(of target: LinkTarget, url: String) -> String {
        switch target {
        case .internalFile(_, let wanted, let fragment): return "/" + wanted + (fragment.map { "#" + $0 } ?? "")
        case .external(let url): return url
        case .mailto(let address): return "mailto:" + address
        case .tel(let number): return "tel:" + number
        case .outside, .javascript, .other: return url
        }
    }
}

/// What every offline rule reads: the folder, each link resolved, and where content wrote it.
package struct OfflineContext: Sendable {
    package let folder: PublicFolder
    package let links: [ResolvedLink]
    /// The indices in `links` of each page's links, by page index.
    package let pageLinks: [Range<Int>]
    package let pageIndex: [String: Int]
    package let sources: LinkSources
    package let phoneRegion: String
    package let exclusion: LinkExclusion

    package init(folder: PublicFolder, siteURLs: [String], sources: LinkSources, phoneRegion: String, exclusion: LinkExclusion) {
        self.folder = folder
        self.sources = sources
        self.phoneRegion = phoneRegion
        self.exclusion = exclusion
        let resolver = LinkResolver(files: folder.files, directories: folder.directories, siteURLs: siteURLs)
        var pageIndex: [String: Int] = [:]
        for (index, page) in folder.pages.enumerated() { pageIndex[page.path] = index }
        let pages = folder.pages
        let links = parallelChunks(pages.count) { range in
            // Most links are the same from every page at one depth: absolute ones, and those that
            // climb to the root and go down again (`../../style.css`). Resolve each of those once.
            var sameFromDepth: [Int: [String: (LinkTarget, String)]] = [:]
            var links: [ResolvedLink] = []
            for index in range {
                let page = pages[index]
                let depth = page.path.utf8.count { $0 == UInt8(ascii: "/") }
                for link in page.links {
                    if let (target, key) = sameFromDepth[depth]?[link.url] {
                        links.append(ResolvedLink(page: index, link: link, target: target, key: key))
                        continue
                    }
                    let resolved = ResolvedLink(page: index, link: link, target: resolver.resolve(link.url, from: page.path))
                    if LinkResolver.isSameFromDepth(link.url, depth: depth) {
                        sameFromDepth[depth, default: [:]][link.url] = (resolved.target, resolved.key)
                    }
                    links.append(resolved)
                }
            }
            return links
        }
        self.links = links
        self.pageIndex = pageIndex
        // Each page's links come together, in page order.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pages.count)
        var start = 0
        for page in pages {
            ranges.append(start..<(start + page.links.count))
            start += page.links.count
        }
        pageLinks = ranges
    }

    /// Line and column of a byte offset in `page`, read again from disk (or kept, for a served page).
    package func position(of offset: Int, in page: HTMLPage) -> (line: Int, column: Int) {
        let bytes = page.source ?? FileBytes.read(folder.display(page.path)) ?? []
        return HTMLLineIndex(bytes).position(of: offset)
    }

    /// A problem at a link's place in the page (`LinkSources.annotate` adds the content line later).
    package func problem(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at link: ResolvedLink) -> LinkProblem {
        let page = folder.pages[link.page]
        let (line, column) = position(of: link.link.offset, in: page)
        let location = SourceLocation(file: folder.display(page.path), line: line, column: column)
        return LinkProblem(Diagnostic(severity, message, at: location, code: code), link: link.link.url, page: page.path)
    }

    /// A problem with a page as a whole, at its `<html>` line.
    package func problem(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, page path: String) -> LinkProblem {
        let line = pageIndex[path].map { position(of: folder.pages[$0].htmlOffset, in: folder.pages[$0]).line } ?? 0
        let location = SourceLocation(file: folder.display(path), line: line)
        return LinkProblem(Diagnostic(severity, message, at: location, code: code), link: nil, page: path)
    }
}
