import Foundation

/// What a build read and wrote, kept beside the output folder
/// (`.helpsite-cache/build-public.json`), so that the next build can tell what changed.
public struct BuildManifest: Codable, Equatable, Sendable {
    /// Size and modification time of a file, the way `make` tells a changed file.
    public struct Stamp: Codable, Equatable, Sendable {
        public var size: Int
        public var modified: Double

        public init(size: Int, modified: Double) {
            self.size = size
            self.modified = modified
        }
    }

    /// Raised when the manifest's meaning changes, so that an old one is ignored.
    public static let version = 2

    public var version = BuildManifest.version
    /// Every file of the content and template folders (and the helpsite executable), by path.
    public var inputs: [String: Stamp]
    /// Every file of the output folder, relative to it: what it was made from (for a page,
    /// its fingerprint), and its identity.
    public var outputs: [String: OutputRecord]
    /// The same for the site this build replaced, kept beside the output folder
    /// (`.public.helpsite-previous`) for the next build to start from; `nil` if it was not kept.
    public var retained: [String: OutputRecord]?

    public init(inputs: [String: Stamp], outputs: [String: OutputRecord], retained: [String: OutputRecord]? = nil) {
        self.inputs = inputs
        self.outputs = outputs
        self.retained = retained
    }

    /// Where the manifest of `output` lives.
    public static func location(for output: String) -> URL {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        // An output inside the cache folder already (the preview's) keeps its record beside it.
        let cache = parent.lastPathComponent == ".helpsite-cache" ? parent : parent.appendingPathComponent(".helpsite-cache")
        return cache.appendingPathComponent("build-\(outputURL.lastPathComponent).json")
    }

    /// The stamps of every file under `folders` (and of `extra` files).
    public static func snapshot(of folders: [String], extra: [String] = []) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fileManager = FileManager.default
        func stamp(_ path: String) {
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType != .typeDirectory else { return }
            stamps[path] = Stamp(size: (attributes[.size] as? Int) ?? -1,
                                 modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        }
        for folder in folders {
            for relative in (fileManager.subpaths(atPath: folder) ?? []) { stamp(SiteLoader.path(folder, relative)) }
        }
        extra.forEach(stamp)
        return stamps
    }

    public static func read(for output: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == version else { return nil }
        return manifest
    }

    /// Written after a publish; a manifest that cannot be written only costs the next build its shortcut.
    public func write(for output: String) throws {
        let url = BuildManifest.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Whether `generator` (the helpsite executable) is the one that made the recorded files:
    /// a new helpsite may write any page differently, so its fingerprints are not comparable.
    public func madeBy(_ generator: String?, now inputs: [String: Stamp]) -> Bool {
        guard let generator, let stamp = self.inputs[generator] else { return false }
        return stamp == inputs[generator]
    }

    /// Whether `output` still holds every file this manifest says the build wrote.
    public func outputsExist(in output: String) -> Bool {
        outputs.keys.allSatisfy { FileManager.default.fileExists(atPath: SiteLoader.path(output, $0)) }
    }

    /// Forgets the build of `output`: done before the output folder is replaced, so that a
    /// record never describes a folder it was not made for, even if the build stops there.
    static func remove(for output: String) throws(SystemFile.Failure) {
        guard unlink(location(for: output).path) == 0 || errno == ENOENT else { throw .last }
    }
}
