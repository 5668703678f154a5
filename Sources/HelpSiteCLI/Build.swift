import ArgumentParser
import Foundation
import HelpSitePipeline

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every page in every language into the output folder.",
        discussion: """
            Reads content/ and templates/, runs the same check as `helpsite check` \
            (every fact agrees across languages), renders each page through \
            cmark-gfm and the templates, and replaces public/ with the result in \
            one step. If anything is wrong, nothing is written: the previous \
            public/ stays as it was.

            Builds are incremental: .helpsite-cache/ beside the output folder \
            records what the last build read and wrote, and keeps the site it \
            replaced (never inside the output folder's own parent, where a web \
            server could publish it). If no content or template file changed, \
            nothing is done. Otherwise only the groups of pages with a changed \
            file (in any language) are read, checked and rendered again; the \
            others keep their files. --force reads and renders everything.

            Every page address ever published is kept in content/published.txt \
            (commit it): a build that would no longer serve one fails, unless \
            redirects: in content/site.yaml says where it goes. For each redirect \
            the build writes nginx-redirects.conf, .htaccess and _redirects (301) \
            and a page at the old address.

            Exit status: 0 built or up to date; 1 content, template, published \
            address or write errors (public/ left as it was).

            Problems are printed as file:line:column: error: message, all of them in \
            one run. On success one line says what was built.

            Examples:
              helpsite build
              helpsite build --content ../bank/content --output /srv/www/help
              helpsite build --mark-untranslated --output preview
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to replace with the built site.", valueName: "dir"))
    var output = "public"

    @Flag(help: "Render every page, whatever the previous build left.")
    var force = false

    @Flag(help: "For a preview: outline text still in the reference language (see helpsite status). Publish without it.")
    var markUntranslated = false

    /// For the benchmark (.ci/benchmark/build.sh): what the search index cost.
    @Flag(help: .hidden)
    var timings = false

    func run() throws {
        let started = ContinuousClock.now
        var pipeline = Pipeline(content: project.content, templates: project.templates, output: output, force: force,
                                generator: Bundle.main.executablePath, markUntranslated: markUntranslated)
        // A preview publishes nothing: its addresses are not recorded.
        pipeline.recordsAddresses = !markUntranslated
        let outcome: Pipeline.Outcome
        do {
            outcome = try pipeline.build()
        } catch {
            Terminal.error("\(error); \(output)/ left unchanged")
            throw ExitCode.failure
        }
        let elapsed = Terminal.milliseconds(ContinuousClock.now - started)
        switch outcome {
        case .upToDate:
            print("\(output)/ is up to date: no content or template file changed (\(elapsed) ms)")
        case .failed(let problems):
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): build failed (\(output)/ left unchanged)")
            throw ExitCode.failure
        case .built(let summary):
            if !summary.warnings.isEmpty {
                Terminal.report(summary.warnings, summary: "\(Terminal.counts(summary.warnings)): building anyway")
            }
            if let unrecorded = summary.unrecorded {
                Terminal.warning("\(unrecorded); the next build renders every page")
            }
            print(Build.line(summary, into: output, milliseconds: elapsed))
            if timings { print("Search index: \(summary.searchMilliseconds) ms of processor time") }
            if !summary.newAddresses.isEmpty {
                let count = summary.newAddresses.count
                print("Added \(count) address\(count == 1 ? "" : "es") to \(pipeline.ledgerFile): \(summary.newAddresses.joined(separator: ", "))")
            }
        }
    }

    /// `Built 3 pages in 3 languages (nl, fr, en) into public/ in 20 ms`, also printed by `serve`.
    static func line(_ summary: Pipeline.Summary, into output: String, milliseconds: Int) -> String {
        let reuse = summary.kept > 0 ? " (\(summary.kept) unchanged, kept)" : ""
        let codes = summary.languages.joined(separator: ", ")
        return "Built \(summary.pages) pages in \(summary.languages.count) languages (\(codes)) into \(output)/ in \(milliseconds) ms\(reuse)"
    }
}
