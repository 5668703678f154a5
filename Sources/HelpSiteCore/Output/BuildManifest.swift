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
    public static let version = 1

    public var version = BuildManifest.version
    /// Every file of the content and template folders (and the helpsite executable), by path.
    public var inputs: [String: Stamp]
    /// Page file → the fingerprint it was rendered from.
    public var pages: [String: String]
    /// Every file the build wrote, relative to the output folder.
    public var outputs: [String]

    public init(inputs: [String: Stamp], pages: [String: String], outputs: [String]) {
        self.inputs = inputs
        self.pages = pages
        self.outputs = outputs
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

    /// The fingerprints of the pages a build may keep: none if `generator` (the helpsite
    /// executable) is not the one that made them, since a new helpsite may write any page
    /// differently; otherwise those whose files `output` still holds.
    public func reusablePages(in output: String, generator: String?, now inputs: [String: Stamp]) -> [String: String] {
        guard let generator, self.inputs[generator] != nil, self.inputs[generator] == inputs[generator] else { return [:] }
        return pages.filter { FileManager.default.fileExists(atPath: SiteLoader.path(output, $0.key)) }
    }

    /// Whether `output` still holds every file this manifest says the build wrote.
    public func outputsExist(in output: String) -> Bool {
        outputs.allSatisfy { FileManager.default.fileExists(atPath: SiteLoader.path(output, $0)) }
    }
}
