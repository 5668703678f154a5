import Foundation
import HelpSiteLinks

/// Results of earlier online checks, on disk, so that a second run soon after
/// makes no request for a URL known to be good. Only good results (ok and
/// permanently redirected) are kept: a broken link is asked again every run.
///
/// The file is JSON: `{"version": 1, "entries": {"https://…": {"verdict": "ok",
/// "status": 200, "checkedAt": "2026-11-25T16:00:00Z"}}}`.
struct LinkCache: Sendable {
    struct Entry: Codable, Sendable {
        var verdict: LinkVerdict
        var status: Int?
        var redirectedTo: String?
        var checkedAt: Date
    }

    private struct Contents: Codable {
        var version = 1
        var entries: [String: Entry]
    }

    let path: String
    let ttl: Duration
    private(set) var entries: [String: Entry] = [:]

    /// Reads the cache; a missing file is an empty cache, an unreadable one is
    /// reported (as a warning: the check goes on without it).
    init(path: String, ttl: Duration) throws {
        self.path = path
        self.ttl = ttl
        guard FileManager.default.fileExists(atPath: path) else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        entries = try Self.decoder.decode(Contents.self, from: data).entries
    }

    /// A cache that starts empty, replacing an unreadable file when saved.
    init(emptyAt path: String, ttl: Duration) {
        self.path = path
        self.ttl = ttl
    }

    /// The cached result for `url`, if it is still fresh.
    func fresh(_ url: String, now: Date) -> URLCheck? {
        guard let entry = entries[url], now.timeIntervalSince(entry.checkedAt) < Self.seconds(ttl),
              entry.checkedAt <= now.addingTimeInterval(60) else { return nil }
        return URLCheck(url: url, verdict: entry.verdict, status: entry.status, redirectedTo: entry.redirectedTo, fromCache: true)
    }

    mutating func store(_ check: URLCheck, now: Date) {
        guard !check.fromCache else { return }
        if check.verdict == .ok || check.verdict == .redirected {
            entries[check.url] = Entry(verdict: check.verdict, status: check.status, redirectedTo: check.redirectedTo, checkedAt: now)
        } else {
            entries[check.url] = nil
        }
    }

    /// Writes the fresh entries, replacing the file in one step.
    func save(now: Date) throws {
        let kept = entries.filter { now.timeIntervalSince($0.value.checkedAt) < Self.seconds(ttl) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(Contents(entries: kept)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
