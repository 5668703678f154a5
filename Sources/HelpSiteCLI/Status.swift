import ArgumentParser
import Foundation
import HelpSiteModel
import HelpSiteContent
import HelpSiteTranslation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how complete and current each translation is; record a reviewed translation with --accept.",
        discussion: """
            For each translation and page: how many of the reference language's text \
            fields it has in its own words, and which fields are stale (the reference \
            text changed since the translation was accepted), unreviewed (translated, \
            never accepted), untranslated (still the reference text), missing, or facts \
            not localised (a link kept to the reference language's page). Then one line \
            per field in the compiler form, with the reference language's place.

            What each field was translated from is recorded in content/<language>/.sources.yaml, \
            written by --accept after review (and by new-language), never by hand. \
            --accept fr records every field of fr; --page and --field record less. A field \
            that new-language copied and that is still the reference text stays untranslated \
            unless it is named alone with --field.

            --strict exits 1 when any field is stale, unreviewed, untranslated or missing \
            (facts that are not localised are declared in the content, and pass).

            Examples:
              helpsite status
              helpsite status --language fr --format json
              helpsite status --strict                        (before a release)
              helpsite status --accept fr                     (after reviewing fr)
              helpsite status --accept fr --page complaints --field steps.mediation.body
            """
    )

    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    @Option(name: .customLong("language"), help: ArgumentHelp("Report only this translation; repeat for several.", valueName: "code"))
    var languages: [String] = []

    @Option(help: ArgumentHelp("How to write the report: text or json.", valueName: "format"))
    var format: StatusFormat = .text

    @Flag(help: "Exit 1 when any field is stale, unreviewed, untranslated or missing.")
    var strict = false

    @Option(help: ArgumentHelp("Record, after review, the reference text each field of this translation now translates.", valueName: "code"))
    var accept: String?

    @Option(help: ArgumentHelp("With --accept: only this page (its id, or 'language' for language.yaml).", valueName: "page"))
    var page: String?

    @Option(help: ArgumentHelp("With --accept and --page: only this field, as the report names it.", valueName: "key"))
    var field: String?

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if accept == nil, page != nil || field != nil { throw ValidationError("--page and --field go with --accept") }
        if field != nil, page == nil { throw ValidationError("--field needs --page: the page whose field it is ('language' for language.yaml)") }
        if accept != nil, strict || !languages.isEmpty || format != .text {
            throw ValidationError("--accept records; run status again without it to see the report")
        }
    }

    func run() throws {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        guard let site else {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): the content must load before its status can be shown")
            throw ExitCode.failure
        }
        if !problems.isEmpty { Terminal.report(problems, summary: Terminal.counts(problems)) }
        if let accept {
            try record(accept, in: site)
            return
        }
        let known = site.languages.map(\.language.code)
        for code in languages where !known.contains(code) || code == site.settings.referenceLanguage {
            Terminal.error("'\(code)' is not a translation of site.yaml (\(known.filter { $0 != site.settings.referenceLanguage }.joined(separator: ", ")))")
            throw ExitCode(2)
        }
        let report = TranslationStatus.report(site, languages: languages)
        print(format == .json ? StatusOutput.json(report) : StatusOutput.text(report), terminator: "")
        if strict, !report.isReleasable { throw ExitCode.failure }
    }

    private func record(_ language: String, in site: Site) throws {
        let outcome: Acceptance.Outcome
        do {
            outcome = try Acceptance.accept(site, language: language, part: page, field: field)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        do {
            try outcome.write()
        } catch {
            Terminal.error("\(error); the previous record is unchanged")
            throw ExitCode.failure
        }
        let reference = site.settings.referenceLanguage
        let what = field.map { "\($0) (\(page!))" } ?? page.map { "\(outcome.accepted) field\(outcome.accepted == 1 ? "" : "s") of \($0)" }
            ?? "\(outcome.accepted) field\(outcome.accepted == 1 ? "" : "s")"
        print("Recorded the \(reference) text of \(what) for \(language) in \(outcome.file)")
        if !outcome.untranslated.isEmpty {
            print("\(outcome.untranslated.count) field\(outcome.untranslated.count == 1 ? " is" : "s are") still the \(reference) text and stay untranslated; translate them, or keep one as it is with --page and --field")
        }
        if !outcome.missing.isEmpty {
            print("\(outcome.missing.count) field\(outcome.missing.count == 1 ? " is" : "s are") missing in \(language): nothing recorded for \(outcome.missing.count == 1 ? "it" : "them")")
        }
    }
}
