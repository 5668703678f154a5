import Foundation
import HelpSiteModel

/// What a build read and wrote, kept in the project's cache folder
/// (`.helpsite-cache/build-public.txt` beside the content folder), so that the next build
/// can tell what changed.
public struct BuildManifest: Equatable, Sendable {
    /// Size and modification time of a file, the way `make` tells a changed file.
    public struct Stamp: Equatable, Sendable {
        public var size: Int
        public var modified: Double

        public init(size: Int, modified: Double) {
            self.size = size
            self.modified = modified
        }
    }

    /// Raised when the manifest's meaning changes, so that an old one is ignored.
    public static let version = 8

    /// Every file of the content and template folders (and the helpsite executable), by path.
    public var inputs: [String: Stamp]
    /// Every file of the output folder, relative to it: what it was made from (for a page,
    /// its fingerprint), and its identity.
    public var outputs: [String: OutputRecord]
    /// The same for the site this build replaced, kept in the project's cache folder
    /// (`.helpsite-cache/previous-public`) for the next build to start from; `nil` if it was not kept.
    public var retained: [String: OutputRecord]?
    /// Page file (as in `inputs`) → what lists of pages need of it.
    public var summaries: [String: PageSummary]
    /// The output folder this build wrote, as an absolute path: the project's cache folder
    /// may hold the records of two folders of one name (`/srv/a/public`, `/srv/b/public`),
    /// and a record is only ever read for the folder it describes.
    public var folder: String

    public init(inputs: [String: Stamp], outputs: [String: OutputRecord], retained: [String: OutputRecord]? = nil,
                summaries: [String: PageSummary] = [:], folder: String = "") {
        self.folder = folder
        self.inputs = inputs
        self.outputs = outputs
        self.retained = retained
        self.summaries = summaries
    }

    /// The page ids whose files need not be read again: every input but page files is as
    /// it was (same stamps), and so are all the page's files, each of which has a summary.
    /// - Parameters:
    ///   - pageFile: the page id of a content file, if it is a page file.
    ///   - neutral: inputs no page depends on (the ledger of published addresses).
    package func unchangedPages(now inputs: [String: Stamp], pageFile: (String) -> String?, neutral: Set<String> = []) -> Set<String> {
        var changed = Set<String>()
        var unchanged = Set<String>()
        for path in Set(inputs.keys).union(self.inputs.keys) where !neutral.contains(path) {
            let id = pageFile(path)
            if inputs[path] == self.inputs[path], let id {
                if summaries[path] == nil { changed.insert(id) } else { unchanged.insert(id) }
            } else if let id {
                changed.insert(id)
            } else if inputs[path] != self.inputs[path] {
                return [] // site.yaml, a language.yaml, a template, the executable…: every page may change
            }
        }
        return unchanged.subtracting(changed)
    }

    /// Where the manifest of `output` lives.
    /// `<cache>/build-public.txt` for the output folder `public`: in the project's cache
    /// folder, not beside the output, which may be inside a web root.
    public static func location(in cache: String, for output: String) -> URL {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        return URL(fileURLWithPath: cache).appendingPathComponent("build-\(outputURL.lastPathComponent).txt")
    }

    /// The stamp of one file as `snapshot` takes it; nil when there is none.
    public static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
    }

    /// The stamps of every file under `folders` (and of `extra` files).
    public static func snapshot(of folders: [String], extra: [String] = []) -> [String: Stamp] {
        snapshot(of: Dictionary(folders.map { ($0, FileWalk.entries(under: $0)) }, uniquingKeysWith: { first, _ in first }), extra: extra)
    }

    /// The same from the walks of the folders (`FileWalk.entries(under:)`, by folder).
    package static func snapshot(of walks: [String: [FileWalk.Entry]], extra: [String] = []) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fileManager = FileManager.default
        func stamp(_ path: String) {
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType != .typeDirectory else { return }
            stamps[path] = Stamp(size: (attributes[.size] as? Int) ?? -1,
                                 modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        }
        for (folder, entries) in walks {
            for entry in entries where entry.kind != S_IFDIR {
                stamps[Paths.join(folder, entry.relative)] = Stamp(size: entry.size, modified: entry.modified)
            }
        }
        extra.forEach(stamp)
        return stamps
    }

    public static func read(in cache: String, for output: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: location(in: cache, for: output).path) else { return nil }
        return read(data, for: output)
    }

    /// The record in `data`, when it is one of `output`.
    static func read(_ data: Data, for output: String) -> BuildManifest? {
        guard let manifest = BuildManifest(data: data), manifest.folder == Self.absolute(output) else { return nil }
        return manifest
    }

    /// Written after a publish; a manifest that cannot be written only costs the next build its
    /// shortcut.
    public func write(in cache: String, for output: String) throws {
        var manifest = self
        manifest.folder = Self.absolute(output)
        try RecordText.write(manifest.data, to: BuildManifest.location(in: cache, for: output).path)
    }

    static func absolute(_ output: String) -> String {
        URL(fileURLWithPath: output).standardizedFileURL.path
    }

    // MARK: The record's lines (`RecordText`; read in BuildManifest+Reading.swift)
    //
    //     helpsite build record 8
    //     folder  <the output folder, absolute>
    //     inputs  <count>  <digest of every input's path and stamp (`digest(of:)`)>
    //     input   <size>  <modification time, the Double's bits in hex>  <path>
    //     output  <fingerprint>  <inode>  <size>  <time in ns>  <path>
    //     kept                                        (the replaced site was kept: its files follow)
    //     retained <fingerprint>  <inode>  <size>  <time in ns>  <path>   (only where it differs from `output`)
    //     unretained <path>                           (an output the replaced site did not have)
    //     page    <path>  <id>  <slug>  <line>  <column>  <title>  <line>  <column>  <fingerprint>
    //             <description>  <date of last update, or ->  <its line>  <its column>
    //     end

    static var header: String { "helpsite build record \(version)" }

    /// The record as the file holds it. Its lines come in no order (the reader keys each by
    /// its path): sorting the 20,000 paths of a 1,000-page site was a tenth of a one-page rebuild.
    var data: Data {
        var writer = RecordText.Writer(header: Self.header)
        writer.raw("folder")
        writer.text(folder)
        writer.endLine()
        writer.raw("inputs")
        writer.number(inputs.count)
        writer.raw(Self.digest(of: inputs).description)
        writer.endLine()
        func record(_ kind: String, _ path: String, _ record: OutputRecord) {
            writer.raw(kind)
            writer.raw(record.fingerprint)
            writer.number(record.identity.inode)
            writer.number(record.identity.size)
            writer.number(record.identity.modified)
            writer.text(path)
            writer.endLine()
        }
        for (path, stamp) in inputs {
            writer.raw("input")
            writer.number(stamp.size)
            writer.number(stamp.modified.bitPattern, radix: 16)
            writer.text(path)
            writer.endLine()
        }
        for (path, output) in outputs { record("output", path, output) }
        // The replaced site shares nearly every file with the new one (a kept file is linked,
        // not written): only its differences are written, a third of the record's lines fewer.
        if let retained {
            writer.line(["kept"])
            for (path, output) in retained where outputs[path] != output { record("retained", path, output) }
            for path in outputs.keys where retained[path] == nil {
                writer.raw("unretained")
                writer.text(path)
                writer.endLine()
            }
        }
        for (path, page) in summaries {
            writer.raw("page")
            writer.text(path)
            writer.text(page.id)
            writer.text(page.slug.value)
            writer.number(page.slug.location.line)
            writer.number(page.slug.location.column)
            writer.text(page.title.value)
            writer.number(page.title.location.line)
            writer.number(page.title.location.column)
            writer.number(page.fingerprint.value, radix: 16)
            writer.text(page.description)
            writer.raw(page.updated.map { Self.iso($0.value) } ?? "-")
            writer.number(page.updated?.location.line ?? 0)
            writer.number(page.updated?.location.column ?? 0)
            writer.endLine()
        }
        return writer.finished
    }

    /// `date.description`, without a String made of each part and padded: it was 5 % of
    /// writing the record of a site of 1,000 dated pages.
    static func iso(_ date: CalendarDate) -> String {
        guard (0...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else { return date.description }
        let digits = [date.year / 1000, date.year / 100 % 10, date.year / 10 % 10, date.year % 10, -1,
                      date.month / 10, date.month % 10, -1, date.day / 10, date.day % 10]
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits.count) { text in
            for (index, digit) in digits.enumerated() { text[index] = digit < 0 ? UInt8(ascii: "-") : UInt8(ascii: "0") + UInt8(digit) }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Whether `generator` (the helpsite executable) is the one that made the recorded files:
    /// a new helpsite may write any page differently, so its fingerprints are not comparable.
    public func madeBy(_ generator: String?, now inputs: [String: Stamp]) -> Bool {
        guard let generator, let stamp = self.inputs[generator] else { return false }
        return stamp == inputs[generator]
    }

    /// Forgets the build of `output`: done before the output folder is replaced, so that a
    /// record never describes a folder it was not made for, even if the build stops there.
    package static func remove(in cache: String, for output: String) throws(SystemFile.Failure) {
        guard unlink(location(in: cache, for: output).path) == 0 || errno == ENOENT else { throw .last }
    }
}
