import HelpSiteModel

extension TemplateSet {
    /// Partials that include each other would render without end, until the stack overflows.
    /// HelpSite's values hold no tree that would need a recursive partial, so a cycle is an
    /// error, reported at the tag that closes it.
    static func checkCycles(in library: [String: Template], directory: String, into diagnostics: inout Diagnostics) {
        var finished: Set<String> = []
        for name in library.keys.sorted() {
            var path: [String] = []
            visit(name, library, &path, &finished, directory, &diagnostics)
        }
    }

    private static func visit(
        _ name: String, _ library: [String: Template], _ path: inout [String], _ finished: inout Set<String>,
        _ directory: String, _ diagnostics: inout Diagnostics
    ) {
        guard !finished.contains(name), let template = library[name] else { return }
        path.append(name)
        for reference in template.references where reference.kind == .partial {
            if path.contains(reference.name) {
                let cycle = path[path.firstIndex(of: reference.name)!...] + [reference.name]
                diagnostics.error("the partials include each other without end: \(cycle.joined(separator: " > "))",
                                  at: SourceLocation(file: Paths.join(directory, name + ".mustache"),
                                                     line: reference.line, column: reference.column))
            } else {
                visit(reference.name, library, &path, &finished, directory, &diagnostics)
            }
        }
        path.removeLast()
        finished.insert(name)
    }
}
