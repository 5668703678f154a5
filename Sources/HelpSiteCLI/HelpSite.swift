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
            """,
        subcommands: [Build.self, Check.self, Links.self]
    )

    /// Parses, runs, and maps errors to the exit codes documented above:
    /// argument-parser's own usage failures (64) become 2.
    static func main() {
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

/// The folders a command reads and writes, shared by the commands.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The templates folder: *.mustache and static/.", valueName: "dir"))
    var templates = "templates"
}
