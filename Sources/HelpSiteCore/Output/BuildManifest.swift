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

    /// What the site files (home, 404 pages, sitemap) and the slug check need of a page
    /// file, kept so that a rebuild need not read a page file that did not change.
    public struct PageSummary: Codable, Equatable, Sendable {
        public var id: String
        public var slug: String
        /// Line and column of the slug and of the title.
        public var slugAt: [Int]
        public var title: String
        public var titleAt: [Int]
        /// Of the file's text, as `Page.fingerprint`.
        public var fingerprint: UInt64

        init(_ page: Page) {
            id = page.id
            slug = page.slug.value
            slugAt = [page.slug.location.line, page.slug.location.column]
            title = page.title.value
            titleAt = [page.title.location.line, page.title.location.column]
            fingerprint = page.fingerprint.value
        }

        /// The page as `Page.summary` has it, from its file `file`.
        func page(file: String) -> Page {
            func at(_ place: [Int]) -> SourceLocation {
                SourceLocation(file: file, line: place.first ?? 0, column: place.dropFirst().first ?? 0)
            }
            var page = Page(id: id, file: file, slug: Located(slug, at: at(slugAt)), title: Located(title, at: at(titleAt)),
                            description: Located("", at: SourceLocation(file: file)), intro: Markdown("", at: SourceLocation(file: file)),
                            steps: [], stepsLocation: SourceLocation(file: file), checklist: nil, commitments: nil, insurance: nil)
            page.fingerprint = Fingerprint(value: fingerprint)
            return page
        }
    }

    /// Raised when the manifest's meaning changes, so that an old one is ignored.
    public static let version = 3

    public var version = BuildManifest.version
    /// Every file of the content and template folders (and the helpsite executable), by path.
    public var inputs: [String: Stamp]
    /// Every file of the output folder, relative to it: what it was made from (for a page,
    /// its fingerprint), and its identity.
    public var outputs: [String: OutputRecord]
    /// The same for the site this build replaced, kept beside the output folder
    /// (`.public.helpsite-previous`) for the next build to start from; `nil` if it was not kept.
    public var retained: [String: OutputRecord]?
    /// Page file (as in `inputs`) → what lists of pages need of it.
    public var summaries: [String: PageSummary]

    public init(inputs: [String: Stamp], outputs: [String: OutputRecord], retained: [String: OutputRecord]? = nil,
                summaries: [String: PageSummary] = [:]) {
        self.inputs = inputs
        self.outputs = outputs
        self.retained = retained
        self.summaries = summaries
    }

    /// The page ids whose files need not be read again: every input but page files is as
    /// it was (same stamps), and so are all the page's files, each of which has a summary.
    /// - Parameter pageFile: the page id of a content file, if it is a page file.
    func unchangedPages(now inputs: [String: Stamp], pageFile: (String) -> String?) -> Set<String> {
        var changed = Set<String>()
        var unchanged = Set<String>()
        for path in Set(inputs.keys).union(self.inputs.keys) {
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
            for entry in FileWalk.entries(under: folder) where entry.kind != S_IFDIR {
                stamps[SiteLoader.path(folder, entry.relative)] = Stamp(size: entry.size, modified: entry.modified)
            }
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
