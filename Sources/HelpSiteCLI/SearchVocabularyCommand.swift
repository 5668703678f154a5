import ArgumentParser
import HelpSiteContent
import HelpSiteSearch

/// Not a command for users: prints what the search index did to every word of the content,
/// for the browser test that proves the served stemmers do the same
/// (`Tests/Browser/test_stemmers.py`, docs/reference/search-index.md).
struct SearchVocabularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-vocabulary",
        abstract: "Print every word of the search index with its libstemmer stem, as JSON (for tests).",
        shouldDisplay: false
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let (site, problems) = SiteLoader.load(contentDirectory: project.content)
        guard let site else {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): the content does not load")
            throw ExitCode.failure
        }
        print(SearchVocabulary.json(SearchVocabulary.of(site)))
    }
}
