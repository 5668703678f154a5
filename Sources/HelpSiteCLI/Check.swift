import ArgumentParser
import Foundation
import HelpSiteModel
import HelpSitePipeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prove that every address, phone number, e-mail, URL and opening hour agrees across languages.",
        discussion: """
            Reads content/ as build does, then compares each translation with the \
            reference language of site.yaml: the same steps, contact blocks and \
            channels; the same phone numbers (as E.164), e-mail addresses, web \
            addresses, postal codes, numbers, boxes and opening hours; street and \
            city names equal or declared once under place_names; per-language web \
            addresses declared under url_variants. Facts written in the prose \
            (links, phone numbers, e-mail and web addresses) are compared part by \
            part of the page. Nothing is written.

            A page whose date of last update (updated:) is older than review_every \
            in site.yaml is a warning, judged on --today (by default the date of \
            this machine, in UTC).

            Errors exit 1; warnings exit 0 unless --strict.

            Examples:
              helpsite check
              helpsite check --format json > check.json
              helpsite check --format github      (annotations in a GitHub Actions log)
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("How to write the findings: text, json or github.", valueName: "format"))
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: ArgumentHelp(
        "Read every page, ignoring which pages were clean at the last check.",
        discussion: "By default a page whose files, and site.yaml and the language files, are byte for byte as they were when the last check found nothing in it is not read again (.helpsite-cache/check.txt beside the content folder)."))
    var noCache = false

    @Option(help: ArgumentHelp("The day pages' dates are judged on (review_every), as YYYY-MM-DD; today by default.",
                               valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError("--today '\(today)' is not a date; write it as YYYY-MM-DD, such as 2026-01-03")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        var pipeline = Pipeline(content: project.content, templates: project.templates, force: noCache,
                                generator: Bundle.main.executablePath)
        pipeline.today = today.flatMap(CalendarDate.init(iso:)) ?? Self.clockDate()
        let outcome = pipeline.check()
        let diagnostics = outcome.diagnostics
        let elapsed = Terminal.milliseconds(ContinuousClock.now - started)
        let reused = outcome.reused > 0 ? ", \(outcome.reused) unchanged since the last check" : ""
        let pages = outcome.pages > 0
            ? "\(outcome.pages) page\(outcome.pages == 1 ? "" : "s") in \(outcome.languages) languages\(reused)" : "the content"
        let verdict = diagnostics.isEmpty ? "all facts agree" : "checked"
        let summary = "\(Terminal.counts(diagnostics)): \(verdict) (\(pages), \(elapsed) ms)"
        if format == .text, !diagnostics.isEmpty {
            Terminal.report(diagnostics, summary: summary)
        } else {
            print(format.render(diagnostics, summary: summary), terminator: "")
        }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) { throw ExitCode.failure }
    }
}

extension Check {
    /// The machine's date in UTC: only the executable reads the clock.
    static func clockDate() -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
