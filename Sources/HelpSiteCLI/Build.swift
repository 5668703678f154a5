import ArgumentParser
import Foundation
import HelpSiteCore

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
            records what the last build read and wrote. If no content or template \
            file changed, nothing is done; otherwise everything is checked again, \
            but only the pages whose content changed (in any language) are \
            rendered, and the rest are kept. --force renders everything.

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

    func run() throws {
        let started = ContinuousClock.now
        // The helpsite binary is an input too: a new version may write pages differently.
        let generator = Bundle.main.executablePath
        var inputs = BuildManifest.snapshot(of: [project.content, project.templates], extra: [generator].compactMap { $0 })
        // A preview and a published site of the same files differ: the flag is an input too.
        if markUntranslated { inputs["--mark-untranslated"] = BuildManifest.Stamp(size: 0, modified: 0) }
        let previous = force ? nil : BuildManifest.read(for: output)
        if let previous, previous.inputs == inputs, previous.outputsExist(in: output) {
            print("\(output)/ is up to date: no content or template file changed (\(Terminal.milliseconds(ContinuousClock.now - started)) ms)")
            return
        }
        let (site, checkProblems) = Checking.run(content: project.content)
        let (templates, templateProblems) = TemplateSet.load(directory: project.templates)
        var problems = checkProblems
        problems.append(contentsOf: templateProblems)
        guard let site, let templates, !problems.hasErrors else {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): build failed (\(output)/ left unchanged)")
            throw ExitCode.failure
        }
        if !problems.isEmpty {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): building anyway")
        }
        // Pages rendered last time from the same fingerprint, and still in the output, are kept.
        let reusable = previous?.reusablePages(in: output, generator: generator, now: inputs) ?? [:]
        // Rendered a batch at a time straight into the staging folder: memory stays flat as the site grows.
        var kept = 0
        let manifest: BuildManifest
        do {
            let staged = try StagedSite(replacing: output, protecting: [project.content, project.templates])
            do {
                let fingerprints = try SiteRenderer(templates: templates, markUntranslated: markUntranslated).render(site, unchanged: reusable) { batch in
                    kept += batch.count { $0.isUnchanged }
                    try staged.write(batch)
                }
                try staged.commit()
                manifest = BuildManifest(inputs: inputs, pages: fingerprints, outputs: staged.written)
            } catch {
                staged.abandon()
                throw error
            }
        } catch {
            Terminal.error("\(error); \(output)/ left unchanged")
            throw ExitCode.failure
        }
        do {
            try manifest.write(for: output)
        } catch {
            Terminal.warning("cannot record this build in \(BuildManifest.location(for: output).path) (\(error)); the next build renders every page")
        }
        let pages = site.languages.reduce(0) { $0 + $1.pages.count }
        let codes = site.languages.map(\.language.code).joined(separator: ", ")
        let elapsed = ContinuousClock.now - started
        let reuse = kept > 0 ? " (\(kept) unchanged, kept)" : ""
        print("Built \(pages) pages in \(site.languages.count) languages (\(codes)) into \(output)/ in \(Terminal.milliseconds(elapsed)) ms\(reuse)")
    }
}
