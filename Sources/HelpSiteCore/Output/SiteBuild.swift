import Foundation

/// The whole build as one call: load, check, render, publish, record. `helpsite build`
/// and the preview server both build through here, so they build the same site.
public struct SiteBuild: Sendable {
    public var content: String
    public var templates: String
    /// The folder replaced with the built site.
    public var output: String
    /// Renders every page, ignoring what the previous build recorded.
    public var force: Bool
    /// The helpsite executable, an input like the content: a new version may write pages differently.
    public var generator: String?
    /// For a preview: text still in the reference language is outlined (see `helpsite status`).
    public var markUntranslated: Bool

    public init(content: String, templates: String, output: String, force: Bool = false,
                generator: String? = Bundle.main.executablePath, markUntranslated: Bool = false) {
        self.content = content
        self.templates = templates
        self.output = output
        self.force = force
        self.generator = generator
        self.markUntranslated = markUntranslated
    }

    /// What a build did.
    public enum Outcome: Sendable {
        /// No content or template file changed since the last build: nothing was written.
        case upToDate
        /// The output folder was replaced.
        case built(Summary)
        /// The content or the templates have errors (all of them are given): nothing was written.
        case failed(Diagnostics)
    }

    public struct Summary: Sendable {
        public var pages: Int
        /// Language codes, reference first.
        public var languages: [String]
        /// Pages whose previous file was still right and was kept.
        public var kept: Int
        /// Problems that did not stop the build.
        public var warnings: Diagnostics
        /// Why the build could not be recorded for the next one (which then renders every page).
        public var unrecorded: String?
    }

    /// Builds the site. Throws only when the output cannot be written, and then the
    /// output folder is as it was.
    public func run() throws -> Outcome {
        var inputs = BuildManifest.snapshot(of: [content, templates], extra: [generator].compactMap { $0 })
        // A preview and a published site of the same files differ: the option is an input too.
        if markUntranslated { inputs["--mark-untranslated"] = BuildManifest.Stamp(size: 0, modified: 0) }
        let previous = force ? nil : BuildManifest.read(for: output)
        if let previous, previous.inputs == inputs, previous.outputsExist(in: output) {
            return .upToDate
        }
        // Pages known clean from an earlier check or build, and unchanged since, are not checked
        // again (`CachedCheck`); --force checks every page.
        let (loaded, loadProblems) = SiteLoader.load(contentDirectory: content)
        var checkProblems = loadProblems
        if let loaded {
            checkProblems.append(contentsOf: force ? SiteChecker.check(loaded)
                : CachedCheck.check(loaded, loaded: loadProblems, contentDirectory: content,
                                    cacheFile: CachedCheck.cacheFile(for: content), generator: generator))
        }
        let site = loaded
        let (templates, templateProblems) = TemplateSet.load(directory: self.templates)
        var problems = checkProblems
        problems.append(contentsOf: templateProblems)
        guard let site, let templates, !problems.hasErrors else { return .failed(problems) }
        // The previous build's record, if this helpsite made it: what the output holds, and
        // what the site it replaced (kept beside the output) holds.
        let reusable = previous.flatMap { $0.madeBy(generator, now: inputs) ? $0 : nil }
        // The staging folder starts from that replaced site where it is still as recorded, so
        // that only what changed is written. Each page is written into it by the worker that
        // rendered it, and let go: memory stays flat as the site grows, and file creation runs
        // on every core.
        let staged = try StagedSite(replacing: output, protecting: [content, self.templates], retained: reusable?.retained)
        // A page is rendered again unless the staging folder holds it made from the same
        // fingerprint, or the output does, as recorded (then it is hard-linked from there).
        let current = reusable?.outputs ?? [:]
        let output = self.output
        let unchanged: UnchangedPages = { path, fingerprint in
            if staged.holds(path, madeFrom: fingerprint) { return true }
            guard let record = current[path], record.fingerprint == fingerprint else { return false }
            return (try? SystemFile.identity(of: SiteLoader.path(output, path))) == record.identity
        }
        let manifest: BuildManifest
        do {
            _ = try SiteRenderer(templates: templates, markUntranslated: markUntranslated)
                .render(site, unchanged: unchanged, writing: staged.write)
            do {
                try BuildManifest.remove(for: output)
            } catch {
                throw SiteWriter.Failure(description: "cannot remove \(BuildManifest.location(for: output).path), the record of the site being replaced: \(error)")
            }
            let retained = try staged.commit(retaining: reusable != nil)
            manifest = BuildManifest(inputs: inputs, outputs: staged.records, retained: retained ? reusable?.outputs : nil)
        } catch {
            staged.abandon()
            throw error
        }
        var unrecorded: String?
        do {
            try manifest.write(for: output)
        } catch {
            unrecorded = "cannot record this build in \(BuildManifest.location(for: output).path) (\(error))"
        }
        return .built(Summary(
            pages: site.languages.reduce(0) { $0 + $1.pages.count }, languages: site.languages.map(\.language.code),
            kept: staged.keptPages, warnings: problems, unrecorded: unrecorded
        ))
    }
}
