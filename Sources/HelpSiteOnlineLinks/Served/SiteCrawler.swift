import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import HelpSiteModel
import HelpSiteLinks

/// Reads the site as a web server serves it, for `helpsite links --url`:
/// from the root page, every page and asset its links reach on the same
/// server (and under the site's `base_url`), in rounds. The result has the
/// shape of a public folder, so the offline rules check it unchanged: what the
/// server answered 200 for is a file, a folder is what redirects to its `/`
/// form, and a page is every HTML file fetched whole.
struct SiteCrawler: Sendable {
    /// `http://127.0.0.1:8080/`, always ending in `/`.
    let root: String
    /// The site's `base_url`, whose links are the same pages.
    let baseURL: String?
    let options: OnlineOptions
    /// A page larger than this is refused: HelpSite pages are a few kilobytes.
    static let maximumPageBytes = 8 << 20

    struct Fetched: Sendable {
        var path: String
        var file: String?
        var directory: String?
        var page: HTMLPage?
        var next: [String] = []
        /// Why there is no file, when the server gave no answer or an unusable one.
        var failure: String?
        /// Where the server redirects this path, inside the site.
        var redirect: String?
    }

    /// - Parameter seeds: paths to ask besides those the root page's links reach: the
    ///   addresses the site has published (`PublishedAddresses`), which no page may link.
    func crawl(seeds: [String] = []) async throws -> PublicFolder {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(options.timeout.nanoseconds), read: .nanoseconds(options.timeout.nanoseconds))))
        var seen: Set<String> = [""], round = [""], first = true
        var files: Set<String> = [], directories: Set<String> = [], pages: [String: HTMLPage] = [:], redirects: [String: String] = [:]
        while !round.isEmpty {
            let fetched = await fetchAll(round, client: client)
            if first, let root = fetched.first, root.file == nil, root.next.isEmpty {
                try await client.shutdown()
                throw Diagnostic(.error, "\(self.root) \(root.failure ?? "has no page"); is the server running?",
                                 at: SourceLocation(file: self.root), code: .linkUnreachable)
            }
            round = first ? seeds.filter { seen.insert($0).inserted } : []
            first = false
            for result in fetched {
                if let file = result.file { files.insert(file) }
                if let directory = result.directory { directories.insert(directory) }
                if let redirect = result.redirect { redirects[result.path] = redirect }
                // `/` and `/index.html` are one page, fetched twice.
                if let page = result.page { pages[page.path] = page }
                for path in result.next where seen.insert(path).inserted { round.append(path) }
            }
        }
        try await client.shutdown()
        for file in files {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty { directories.insert(parts.joined(separator: "/")); parts.removeLast() }
        }
        var folder = PublicFolder(root: String(root.dropLast()), files: files, directories: directories,
                                  pages: pages.values.sorted { $0.path < $1.path })
        folder.redirects = redirects
        return folder
    }

    /// One round: at most `options.concurrency` requests at once.
    private func fetchAll(_ paths: [String], client: HTTPClient) async -> [Fetched] {
        await withTaskGroup(of: Fetched.self) { group in
            var results: [Fetched] = []
            for (index, path) in paths.enumerated() {
                if index >= options.concurrency, let done = await group.next() { results.append(done) }
                group.addTask { await fetch(path, client: client) }
            }
            for await result in group { results.append(result) }
            return results
        }
    }

    /// One path of the site (`fr/plaintes/`, `style.css`): GET for what may be a page, HEAD for the rest.
    private func fetch(_ path: String, client: HTTPClient) async -> Fetched {
        var result = Fetched(path: path)
        let looksLikePage = path.isEmpty || path.hasSuffix("/") || path.hasSuffix(".html") || !path.split(separator: "/").last!.contains(".")
        var request = HTTPClientRequest(url: root + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path))
        request.method = looksLikePage ? .GET : .HEAD
        request.headers.add(name: "User-Agent", value: options.userAgent)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .nanoseconds(options.timeout.nanoseconds))
        } catch {
            result.failure = "did not answer: \(error)"
            return result
        }
        let status = Int(response.status.code)
        if (300..<400).contains(status), let location = response.headers.first(name: "Location"),
           let target = URLProbe.resolve(location, against: root + path).flatMap(sitePath) {
            if target == path + "/" { result.directory = path }
            result.redirect = target
            result.next = [target]
            return result
        }
        guard status == 200 else {
            result.failure = "answered \(URLProbe.phrase(status))"
            return result
        }
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        result.file = file
        let isHTML = response.headers.first(name: "Content-Type")?.lowercased().hasPrefix("text/html") ?? file.hasSuffix(".html")
        guard request.method == .GET, isHTML else { return result }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: Self.maximumPageBytes)
        } catch {
            // Served, but not readable as a page: its links stay unchecked, and the file counts as there.
            result.failure = "could not be read whole: \(error)"
            return result
        }
        let bytes = Array(body.readableBytesView)
        var page = HTMLPage(path: file, bytes: bytes)
        page.source = bytes
        result.page = page
        result.next = page.links.compactMap { link in
            URLProbe.resolve(link.url, against: root + path).flatMap(sitePath)
        }
        return result
    }

    /// The path inside the site of an absolute URL, or nil for another site: query and fragment dropped, percent-decoded.
    func sitePath(_ url: String) -> String? {
        for prefix in [root, baseURL].compactMap({ $0 }) where url.lowercased().hasPrefix(prefix.lowercased()) {
            var rest = Substring(url.dropFirst(prefix.count))
            if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
            return String(rest).removingPercentEncoding ?? String(rest)
        }
        return nil
    }
}
