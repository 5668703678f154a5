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

            Problems are printed as file:line:column: error: message, all of them in \
            one run. On success one line says what was built.

            Examples:
              helpsite build
              helpsite build --content ../bank/content --output /srv/www/help
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to replace with the built site.", valueName: "dir"))
    var output = "public"

    func run() throws {
        let started = ContinuousClock.now
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
        let files = SiteRenderer(templates: templates).render(site)
        do {
            try SiteWriter.publish(files, to: output, protecting: [project.content, project.templates])
        } catch {
            Terminal.error("\(error); \(output)/ left unchanged")
            throw ExitCode.failure
        }
        let pages = site.languages.reduce(0) { $0 + $1.pages.count }
        let codes = site.languages.map(\.language.code).joined(separator: ", ")
        let elapsed = ContinuousClock.now - started
        print("Built \(pages) pages in \(site.languages.count) languages (\(codes)) into \(output)/ in \(Terminal.milliseconds(elapsed)) ms")
    }
}
