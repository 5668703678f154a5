import ArgumentParser
import Foundation

@main
struct HelpSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpsite",
        abstract: "Builds a multilingual help site from structured content files.",
        discussion: """
            Translators edit one YAML file per language and page under content/; \
            templates/ holds the page templates and the stylesheet; the site is \
            written to public/.

            Exit status: 0 success, 1 problems in the content or the build, 2 wrong usage.

            Examples:
              helpsite build                 build content/ into public/
              helpsite build --help          what build does, and its options
              helpsite status                how complete and current each translation is
              helpsite new-language de       start a German translation
              helpsite export-xliff fr       the French texts as XLIFF, for a CAT tool
              helpsite serve                 preview the site in a browser while editing
            """,
        subcommands: [Build.self, Check.self, Links.self, Status.self, NewLanguage.self, ExportXLIFF.self, ImportXLIFF.self, Serve.self,
                      SearchVocabularyCommand.self]
    )

    /// Parses, runs, and maps errors to the exit codes documented above:
    /// argument-parser's own usage failures (64) become 2.
    static func main() {
        makeStoppable()
        reportFileSizeLimits()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension HelpSite {
    /// Ctrl-C and SIGTERM always stop helpsite, even when the program that started it
    /// ignores or blocks them (as some test runners and job launchers do). Stopping is
    /// safe at any point: the site being built is in a staging folder that the next
    /// build removes, and the published one is only ever replaced whole.
    static func makeStoppable() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    }
}

extension HelpSite {
    /// A file size limit (`ulimit -f`) sends SIGXFSZ, which would kill helpsite without a
    /// word. Ignored, the write fails with EFBIG instead, and the build says which file it
    /// could not write and that the published site was left as it was.
    static func reportFileSizeLimits() {
        signal(SIGXFSZ, SIG_IGN)
    }
}

/// The folders a command reads and writes, shared by the commands.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The templates folder: *.mustache and static/.", valueName: "dir"))
    var templates = "templates"
}
