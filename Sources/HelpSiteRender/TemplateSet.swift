import Foundation
import HelpSiteModel

/// The templates of `templates/`: `*.mustache` files (the page, the home page
/// and their partials) and the files of `templates/static/`, copied as they are.
public struct TemplateSet: Sendable {
    /// The templates the renderer calls by name; the others are partials.
    public static let required = ["index", "home", "404"]

    /// Each template compiled, by name (the file name without `.mustache`).
    let library: [String: Template]
    /// Paths relative to `static/`, with their bytes.
    let staticFiles: [(path: String, contents: Data)]
    /// Of every template's name and text.
    var fingerprint = Fingerprint()

    /// Reads and parses every template; reports each one that fails with its line and column.
    public static func load(directory: String) -> (templates: TemplateSet?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var library: [String: Template] = [:]
        var fingerprint = Fingerprint()
        let names = FileWalk.names(in: directory)
        for name in names where name.hasSuffix(".mustache") {
            let file = Paths.join(directory, name)
            guard let text = readText(file, into: &diagnostics) else { continue }
            fingerprint.add(name)
            fingerprint.add(text)
            do {
                let template = try Template(parsing: text)
                checkNames(of: template, named: String(name.dropLast(".mustache".count)), file: file, templates: names, into: &diagnostics)
                library[String(name.dropLast(".mustache".count))] = template
            } catch {
                diagnostics.error("template does not parse: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column))
            }
        }
        for name in required where library[name] == nil && !names.contains("\(name).mustache") {
            diagnostics.error("the template \(name).mustache is missing", at: SourceLocation(file: Paths.join(directory, "\(name).mustache")))
        }
        checkCycles(in: library, directory: directory, into: &diagnostics)
        let staticFiles = readStatic(Paths.join(directory, "static"), into: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(library: library, staticFiles: staticFiles, fingerprint: fingerprint), diagnostics)
    }

    /// Whether there is a template called `name`.
    func has(_ name: String) -> Bool {
        library[name] != nil
    }

    /// The page the template `name` makes of `values`, as UTF-8.
    func render(_ values: TemplateObject, with name: String) -> Data {
        guard let template = library[name] else { return Data() }
        var renderer = TemplateRenderer(templates: library, capacity: 32 * 1024)
        renderer.render(template, with: values)
        return Data(renderer.output)
    }

    /// A name no view provides would render as nothing on every page: report it where it is written.
    private static func checkNames(of template: Template, named name: String, file: String, templates: [String],
                                   into diagnostics: inout Diagnostics) {
        let known = TemplateValues.known(by: name)
        for value in template.references where value.kind == .value {
            for part in TemplateValues.unknownParts(of: value.name, in: name) {
                let suggestion = known.min { (editDistance(part, $0), $0) < (editDistance(part, $1), $1) }
                    .flatMap { editDistance(part, $0) <= 2 ? "; did you mean '\($0)'?" : nil } ?? ""
                diagnostics.error("the template names '\(part)', which \(TemplateValues.neverHas(name))\(suggestion)",
                                  at: SourceLocation(file: file, line: value.line, column: value.column))
            }
        }
        for partial in template.references where partial.kind == .partial && !templates.contains(partial.name + ".mustache") {
            diagnostics.error("the partial '\(partial.name)' does not exist: expected \(partial.name).mustache beside this template",
                              at: SourceLocation(file: file, line: partial.line, column: partial.column))
        }
    }

    private static func readText(_ file: String, into diagnostics: inout Diagnostics) -> String? {
        guard !isSymbolicLink(file) else {
            diagnostics.error("\(file) is a symbolic link; templates must be files of the project", at: SourceLocation(file: file))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(validatingUTF8Data: data) else {
            diagnostics.error("cannot read \(file) as UTF-8 text", at: SourceLocation(file: file))
            return nil
        }
        return text
    }

    private static func readStatic(_ directory: String, into diagnostics: inout Diagnostics) -> [(path: String, contents: Data)] {
        // `static/` itself a link has always given no files and no error (Foundation's enumerator
        // listed nothing under it), where a link inside it is refused; kept so.
        guard !isSymbolicLink(directory) else { return [] }
        var files: [(path: String, contents: Data)] = []
        for entry in FileWalk.entries(under: directory) {
            let file = Paths.join(directory, entry.relative)
            if entry.kind == S_IFLNK {
                diagnostics.error("\(file) is a symbolic link; static files must be files of the project", at: SourceLocation(file: file))
                continue
            }
            guard entry.kind != S_IFDIR, !entry.relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            guard let contents = FileManager.default.contents(atPath: file) else {
                diagnostics.error("cannot read \(file)", at: SourceLocation(file: file))
                continue
            }
            files.append((entry.relative, contents))
        }
        return files.sorted { $0.path < $1.path }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
