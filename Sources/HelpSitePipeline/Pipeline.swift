import Foundation
import HelpSiteModel
import HelpSiteMarkdown
import HelpSiteContent
import HelpSiteCheck
import HelpSiteRender
import HelpSitePublish
import HelpSiteTranslation

/// The one path through the stages. `helpsite check` runs `check()`; `helpsite build` and
/// the preview server (`helpsite serve`) run `build()`. Both read the site the same way: the
/// skeleton (site.yaml, the language files, the list of page files), then the pages a group
/// at a time, each group on one core, through one `CheckSession`; the build also renders and
/// writes each group, and publishes once at the end (docs/architecture.md).
public struct Pipeline: Sendable {
    public var content: String
    public var templates: String
    /// The folder replaced with the built site.
    public var output: String
    /// Reads and renders every page, ignoring what the previous build and check recorded.
    public var force: Bool
    /// The helpsite executable, an input like the content: a new version may write pages
    /// differently, and judge them differently. nil: nothing is reused from an earlier run.
    public var generator: String?
    /// For a preview: text still in the reference language is outlined (see `helpsite status`).
    public var markUntranslated: Bool
    /// How many groups of pages are built at once; `nil` is one per core. The output is the
    /// same for any number (tested).
    public var workers: Int?
    /// Adds the addresses a build publishes for the first time to the ledger,
    /// `content/published.txt` (`helpsite build`). Off, the ledger is only checked: for a
    /// preview, which publishes nothing, and for tests that build the repository's content.
    public var recordsAddresses = false
    /// The day `helpsite check` judges pages' dates by (`review_every` in site.yaml): given,
    /// never read from the clock here; nil leaves the dates unjudged.
    public var today: CalendarDate?

    /// - Parameter cache: where the records between runs and the replaced site are kept;
    ///   `nil` is `.helpsite-cache/` beside the content folder.
    public init(content: String, templates: String = "templates", output: String = "public", force: Bool = false,
                generator: String?, markUntranslated: Bool = false, workers: Int? = nil, cache: String? = nil) {
        self.cacheFolder = cache ?? URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".helpsite-cache").path
        self.content = content
        self.templates = templates
        self.output = output
        self.force = force
        self.generator = generator
        self.markUntranslated = markUntranslated
        self.workers = workers
    }

    /// The ledger of every address the site has published: `published.txt` in the content folder.
    public var ledgerFile: String { PublishedAddresses.file(inContent: content) }

    /// Where the check's record, the build's record and the site the last build replaced are
    /// kept: `.helpsite-cache/` beside the content folder unless the caller says otherwise.
    public var cacheFolder: String

    /// What a check found.
    public struct CheckOutcome: Sendable {
        public var diagnostics: Diagnostics
        /// Pages of the site (ids of the reference language), 0 when it did not load.
        public var pages: Int
        public var languages: Int
        /// Pages whose clean verdict came from the record of the last check.
        public var reused: Int
    }

    /// Checks the content, writing nothing but the check's record
    /// (`.helpsite-cache/check.txt` beside the content folder): a page whose files are byte
    /// for byte as they were when the last check found nothing in it is not read again,
    /// unless `force` is set. The findings are those of a check that reads every page.
    public func check() -> CheckOutcome {
        let (loaded, ids, skeletonProblems) = SiteLoader.loadSkeleton(contentDirectory: content)
        guard let skeleton = loaded else { return CheckOutcome(diagnostics: skeletonProblems, pages: 0, languages: 0, reused: 0) }
        let session = CheckSession(site: skeleton, contentDirectory: content,
                                   cacheFile: force ? nil : CheckSession.recordFile(in: cacheFolder), generator: generator,
                                   fingerprintingPages: true)
        let groups = SiteLoader.pageGroups(ids, navigation: skeleton.settings.navigation).concurrentMap(workers: workers) { session.check($0, of: skeleton) }
        let (site, diagnostics, loadedAll) = session.conclude(skeleton, problems: skeletonProblems, groups: groups)
        guard loadedAll else { return CheckOutcome(diagnostics: diagnostics, pages: 0, languages: 0, reused: session.reused) }
        // The addresses the build would publish, against the ledger: a dropped one fails the
        // build, so the check says so first.
        let addressProblems = diagnostics.hasErrors ? Diagnostics() : AddressPlan.make(site, ledgerFile: ledgerFile).1
        var found = Diagnostics(diagnostics.all + addressProblems.all)
        // From the pages' summaries, read or kept: a page unchanged for a year is due all the same.
        if let today { found.append(contentsOf: ReviewRule.check(site, today: today)) }
        return CheckOutcome(diagnostics: found, pages: site.pageIDs.count, languages: site.languages.count,
                            reused: session.reused)
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
        /// Addresses published for the first time, added to the ledger when `recordsAddresses`.
        public var newAddresses: [String] = []
        /// Processor time the search index took, on every thread together (`helpsite build --timings`).
        public var searchMilliseconds = 0
    }
}
