import Foundation
import HelpSiteModel

/// What a build reuses of the previous one and records for the next, in one place: the
/// previous build's record (`BuildManifest`), the replaced site kept under
/// `.helpsite-cache/` (`RetainedSite`), the staging folder started from it
/// (`StagedSite`), and the test of whether a page's file is still right. The pipeline asks
/// it questions and hands it the staged site to publish; it never renders or checks.
package struct IncrementalBuild: Sendable {
    package let output: String
    /// The project's cache folder, where the replaced site is kept.
    package let cache: String
    /// The stamps of every input file now.
    package let inputs: [String: BuildManifest.Stamp]
    /// Every entry of each of the folders, as this build found them (`FileWalk.entries(under:)`):
    /// for the check's inventory of the content, which would walk it again otherwise.
    package let walks: [String: [FileWalk.Entry]]
    /// The same, when this helpsite made it from inputs of the same kind: only then is
    /// anything of it reused.
    package let previous: BuildManifest?
    /// Inputs that no page is made from (the ledger of published addresses): a change to
    /// them alone reads no page again.
    private let neutral: Set<String>

    /// - Parameters:
    ///   - folders: the content and template folders, stamped as inputs.
    ///   - generator: the helpsite executable, an input like the content.
    ///   - variant: what else makes two builds of the same files differ (a preview's marks).
    ///   - force: reuse nothing.
    ///   - neutral: inputs no page is made from.
    package init(output: String, cache: String, folders: [String], generator: String?, variant: String? = nil, force: Bool,
                 neutral: Set<String> = []) {
        self.output = output
        self.neutral = neutral
        self.cache = cache
        walks = Dictionary(folders.map { ($0, FileWalk.entries(under: $0)) }, uniquingKeysWith: { first, _ in first })
        var inputs = BuildManifest.snapshot(of: walks, extra: [generator].compactMap { $0 })
        if let variant { inputs[variant] = BuildManifest.Stamp(size: 0, modified: 0) }
        self.inputs = inputs
        let data = force ? nil : FileManager.default.contents(atPath: BuildManifest.location(in: cache, for: output).path)
        // A build with nothing to do never reads the record whole.
        isUpToDate = data.map { BuildManifest.isUpToDate($0, output: output, inputs: inputs) } ?? false
        let recorded = isUpToDate ? nil : data.flatMap { BuildManifest.read($0, for: output) }
        previous = recorded.flatMap { $0.madeBy(generator, now: inputs) ? $0 : nil }
    }

    /// No input file changed since the last build, and its files are all there: nothing to do
    /// (and nothing of the last build is read: `previous` is nil).
    package let isUpToDate: Bool

    /// The ids of the pages none of whose files changed since the last build.
    package func unchangedPages(pageID: (String) -> String?) -> Set<String> {
        previous?.unchangedPages(now: inputs, pageFile: pageID, neutral: neutral) ?? []
    }

    /// What the last build kept of a page file, when it is reused.
    package func summary(ofPageFile file: String) -> PageSummary? {
        previous?.summaries[file]
    }

    /// What the last build made the output file at `path` from.
    package func recordedFingerprint(of path: String) -> String? {
        previous?.outputs[path]?.fingerprint
    }

    /// The staging folder, started from the replaced site where it is still as recorded.
    package func stage(protecting protected: [String]) throws -> StagedSite {
        try StagedSite(replacing: output, protecting: protected, retained: previous?.retained, cache: cache)
    }

    /// Whether a page's file made from a fingerprint is at hand: in the staging folder, or in
    /// the output as recorded (then it is hard-linked from there).
    package func unchanged(in staged: StagedSite?) -> UnchangedPages {
        let current = previous?.outputs ?? [:]
        let output = self.output
        return { path, fingerprint in
            if staged?.holds(path, madeFrom: fingerprint) == true { return true }
            guard let record = current[path], record.fingerprint == fingerprint else { return false }
            return (try? SystemFile.identity(of: Paths.join(output, path))) == record.identity
        }
    }

    /// Swaps the staged site in and records the build for the next one. The record of the site
    /// being replaced is removed first, so that a crash between the two never leaves a record
    /// of files that are not there.
    /// - Parameter rewritten: inputs this build wrote (the ledger of published addresses):
    ///   recorded as they are now, so that the next build does not take its own write for a
    ///   change.
    /// - Returns: why the build could not be recorded, if it could not (the next build then
    ///   renders every page); the site is published either way.
    package func publish(_ staged: StagedSite, summaries: [PageSummary], rewritten: [String] = []) throws -> String? {
        var inputs = self.inputs
        for path in rewritten { inputs[path] = BuildManifest.stamp(of: path) }
        let manifest: BuildManifest
        do {
            do {
                try BuildManifest.remove(in: cache, for: output)
            } catch {
                throw SiteWriter.Failure(description: "cannot remove \(BuildManifest.location(in: cache, for: output).path), the record of the site being replaced: \(error)")
            }
            let retained = try staged.commit(retaining: previous != nil)
            manifest = BuildManifest(inputs: inputs, outputs: staged.records, retained: retained ? previous?.outputs : nil,
                                     summaries: Dictionary(summaries.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first }))
        } catch {
            staged.abandon()
            throw error
        }
        do {
            try manifest.write(in: cache, for: output)
            return nil
        } catch {
            return "cannot record this build in \(BuildManifest.location(in: cache, for: output).path) (\(error))"
        }
    }
}
