import Dispatch
import HelpSiteModel
import HelpSitePipeline

/// The one place where the preview builds the site, so that options meant for the
/// preview only (such as marking what is not translated yet) are given here.
struct PreviewBuilder: Sendable {
    let configuration: PreviewConfiguration
    /// Builds run one at a time, off Swift's concurrency threads: a build of a large site
    /// takes seconds and uses every core, and the server must keep answering meanwhile.
    private let queue = DispatchQueue(label: "helpsite.preview.build")

    init(configuration: PreviewConfiguration) {
        self.configuration = configuration
    }

    func build() async -> (Pipeline.Outcome, Duration) {
        // A preview outlines what is not translated yet; the published build never does.
        let pipeline = Pipeline(content: configuration.content, templates: configuration.templates,
                                output: configuration.output, generator: configuration.generator, markUntranslated: true)
        return await withCheckedContinuation { continuation in
            queue.async {
                let started = ContinuousClock.now
                let outcome: Pipeline.Outcome
                do {
                    outcome = try pipeline.build()
                } catch {
                    // The previous preview is still in place; the pages say why it is not new.
                    let problem = Diagnostic.error("cannot write the preview: \(error)", at: SourceLocation(file: pipeline.output))
                    outcome = .failed(Diagnostics([problem]))
                }
                continuation.resume(returning: (outcome, ContinuousClock.now - started))
            }
        }
    }
}
