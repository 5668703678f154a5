import ArgumentParser
import Foundation
import HelpSiteOnlineLinks

/// What `helpsite links` needs beyond its flags: the loaded content, the online settings, durations.
enum LinksOptions {
    /// The content folder to read, nil for `none` or an absent default folder (said on standard error).
    static func contentDirectory(_ content: String) -> String? {
        guard content != "none" else { return nil }
        guard FileManager.default.fileExists(atPath: content) else {
            FileHandle.standardError.write(Data("note: no \(content)/ folder: checking the built pages alone (translations from hreflang)\n".utf8))
            return nil
        }
        return content
    }

    static func online(ttl: Duration, cache: String, timeout: Double, retries: Int, concurrency: Int) -> OnlineOptions {
        var options = OnlineOptions()
        options.cacheTTL = ttl
        options.cacheFile = cache
        options.timeout = .milliseconds(Int(timeout * 1000))
        options.retries = retries
        options.concurrency = concurrency
        return options
    }

    /// `.helpsite-cache/links.json` in the folder that holds the public folder.
    static func defaultCache(beside publicDirectory: String) -> String {
        let trimmed = publicDirectory.hasSuffix("/") ? String(publicDirectory.dropLast()) : publicDirectory
        let parent = (trimmed as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".helpsite-cache/links.json"
    }

    /// `0`, `90`, `90s`, `30m`, `12h`, `7d`.
    static func duration(_ text: String) -> Duration? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(text)
        var unit = 1
        if let last = text.last, let seconds = units[last] {
            unit = seconds
            number = number.dropLast()
        }
        guard let value = Int(number), value >= 0 else { return nil }
        return .seconds(value * unit)
    }
}

/// The one line of progress on a terminal: `[12/500] https://…`, rewritten in place.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false

    func show(_ progress: LinkProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let url = progress.url.count > 60 ? String(progress.url.prefix(57)) + "..." : progress.url
        FileHandle.standardError.write(Data("\r\u{1B}[2KChecking external links [\(progress.done)/\(progress.total)] \(url)".utf8))
        shown = true
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
