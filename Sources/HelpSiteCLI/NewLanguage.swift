import ArgumentParser
import Foundation
import HelpSiteContent
import HelpSiteTranslation
import HelpSitePipeline

struct NewLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-language",
        abstract: "Start a translation: copy the reference language's files for a new language and add it to site.yaml.",
        discussion: """
            Makes content/<code>/ from the reference language: language.yaml and every \
            page, with every fact (phone numbers, e-mail and web addresses, postal \
            addresses, hours) as it is and every text field still in the reference \
            language. Each text field is recorded as untranslated in \
            content/<code>/.sources.yaml, so `helpsite status` lists what is left to \
            translate. The language is added at the end of 'languages' in site.yaml; \
            the rest of that file, comments included, is kept as it is.

            The site still builds and checks; until translated, its pages show the \
            reference text (`helpsite build --mark-untranslated` outlines it in a preview).

            Examples:
              helpsite new-language de                  (named Deutsch in the switcher)
              helpsite new-language nl-BE --name "Nederlands (België)"
            """
    )

    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    @Argument(help: ArgumentHelp("The new language's BCP 47 code: de, nl-BE, zh-Hant.", valueName: "code"))
    var code: String

    @Option(help: ArgumentHelp("Its name in its own words, for the language switcher (default: from the system's locale data, such as Deutsch).", valueName: "name"))
    var name: String?

    func validate() throws {
        guard LanguageScaffold.isLanguageCode(code) else {
            throw ValidationError("'\(code)' is not a BCP 47 language code; write a lowercase code such as de, nl-BE or zh-Hant")
        }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name is empty") }
    }

    func run() throws {
        let (loaded, problems) = SiteLoader.load(contentDirectory: content)
        guard let site = loaded else {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): the content must load before a language is added")
            throw ExitCode.failure
        }
        guard let name = name ?? Self.ownName(of: code) else {
            Terminal.error("no name is known for '\(code)'; give the name it has in its own words with --name")
            throw ExitCode(2)
        }
        do {
            let plan = try LanguageScaffold.plan(site, contentDirectory: content, code: code, name: name)
            try LanguageScaffold.write(plan)
            let reference = site.settings.referenceLanguage
            print("Made \(plan.folder)/ from \(reference): \(plan.files.count - 1) files, \(plan.untranslated) text fields still in \(reference), facts copied")
            print("Added \(code) (\(name)) to \(plan.siteFile). `helpsite status --language \(code)` lists what to translate.")
        } catch {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
        // The promise of the command: the site it leaves still checks.
        let after = Pipeline(content: content, generator: Bundle.main.executablePath).check().diagnostics
        if after.hasErrors {
            Terminal.report(after, summary: "\(Terminal.counts(after)): the new language does not check; please report this")
            throw ExitCode.failure
        }
    }

    /// `de` → `Deutsch`: the language's name for itself, from the system's locale data.
    static func ownName(of code: String) -> String? {
        let locale = Locale(identifier: code)
        guard let name = locale.localizedString(forIdentifier: code), !name.isEmpty, name != code else { return nil }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
