import ArgumentParser
import Foundation
import HelpSiteModel
import HelpSiteContent
import HelpSiteTranslation
import HelpSitePipeline

struct ExportXLIFF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-xliff",
        abstract: "Write a language's texts as XLIFF 2.1 for a translator's CAT tool.",
        discussion: """
            Writes one XLIFF 2.1 document: srcLang is the reference language of \
            site.yaml, trgLang the language named. It holds one <file> per content \
            file (each page, and language.yaml) and one <unit> per text a translator \
            translates: titles, Markdown prose, labels, notes, list items, the words of \
            language.yaml. Each unit has the reference text as <source>, the current \
            translation as <target>, and notes that say where it is (page, step, \
            contact, channel, field, file:line:column). Facts (addresses, phone \
            numbers, e-mail and web addresses, hours), ids and slugs are not in it: \
            they are data, and a translator cannot change them through XLIFF.

            Translate the targets in Trados, memoQ, Phrase or Weblate, then run \
            helpsite import-xliff on the file it gives back.

            Examples:
              helpsite export-xliff fr                    to standard output
              helpsite export-xliff fr --output fr.xlf
            """
    )

    @Argument(help: ArgumentHelp("The language to translate into: a code of site.yaml, such as fr.", valueName: "language"))
    var language: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the document to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    func run() throws {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        guard let site else {
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): nothing exported")
            throw ExitCode.failure
        }
        let codes = site.settings.languages.map(\.code)
        guard codes.contains(language), language != site.settings.referenceLanguage else {
            let translations = codes.filter { $0 != site.settings.referenceLanguage }.joined(separator: ", ")
            throw ValidationError("'\(language)' is not a translation of the site; export one of: \(translations)")
        }
        let (xliff, diagnostics) = XLIFFExport.document(site: site, language: language, contentDirectory: content)
        guard let xliff else {
            Terminal.report(diagnostics, summary: "\(Terminal.counts(diagnostics)): nothing exported")
            throw ExitCode.failure
        }
        guard let output else {
            print(xliff, terminator: "")
            return
        }
        do {
            try AtomicFile.write(xliff, to: output)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
        let units = xliff.components(separatedBy: "<unit ").count - 1
        FileHandle.standardError.write(Data("Exported \(units) texts (\(site.settings.referenceLanguage) → \(language)) to \(output)\n".utf8))
    }
}

struct ImportXLIFF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-xliff",
        abstract: "Write the translations of an XLIFF file back into the content, then check.",
        discussion: """
            Reads an XLIFF 2 document made by helpsite export-xliff and translated in a \
            CAT tool, and writes each changed <target> into its YAML file. Only those \
            values change: comments, order, quoting and facts stay byte for byte, and a \
            value keeps its style (a | block stays a block). Each file is replaced whole \
            or not at all.

            Nothing is written, and the exit status is 1, when the XML is malformed, \
            when trgLang is not a translation of the site, when a unit is missing or \
            not a text of the content, or when a unit's <source> is no longer the \
            reference text (the reference changed since the export: export again). A \
            unit with no target, or an empty one, leaves the text as it is.

            Then it runs the same check as helpsite check and reports its findings; \
            errors exit 1.

            Examples:
              helpsite import-xliff fr.xlf
              helpsite import-xliff fr.xlf --format json
            """
    )

    @Argument(help: ArgumentHelp("The translated XLIFF file.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The content folder: site.yaml and one folder per language.", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("How to write problems and findings: text, json or github.", valueName: "format"))
    var format: DiagnosticFormat = .text

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("'\(file)' is not a file; name the XLIFF file to import")
        }
    }

    func run() throws {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        guard let site else { return try report(problems, "nothing imported") }
        guard let data = FileManager.default.contents(atPath: file), data.count <= 64 << 20,
              let xliff = String(data: data, encoding: .utf8) else {
            let problem = "cannot read \(file) as UTF-8 text of at most 64 MiB; save it from the CAT tool as UTF-8"
            return try report(Diagnostics([.error(problem, at: SourceLocation(file: file))]), "nothing imported")
        }
        let (plan, refusals) = XLIFFImport.plan(xliff: xliff, file: file, site: site, contentDirectory: content)
        guard let plan else { return try report(refusals, "nothing imported") }
        do {
            try XLIFFImport.write(plan)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
        let changed = plan.changes.reduce(0) { $0 + $1.units.count }
        let files = plan.changes.map(\.file).joined(separator: ", ")
        var summary = "Imported \(file) (\(plan.language)): \(changed) text\(changed == 1 ? "" : "s") changed"
        summary += changed > 0 ? " in \(files)" : ", no file written"
        summary += "; \(plan.unchanged) unchanged, \(plan.untranslated) without a target"
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        let findings = Pipeline(content: content, generator: Bundle.main.executablePath).check().diagnostics
        try report(findings, findings.isEmpty ? "all facts agree" : "checked after the import")
    }

    /// Prints diagnostics in the chosen format; exits 1 when there is an error.
    private func report(_ diagnostics: Diagnostics, _ verdict: String) throws {
        let summary = "\(Terminal.counts(diagnostics)): \(verdict)"
        if format == .text {
            Terminal.report(diagnostics, summary: summary)
        } else {
            print(format.render(diagnostics, summary: summary), terminator: "")
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
