import HelpSiteModel

/// The page every page of the preview shows while the content has errors: each
/// problem with its file, line and column, until the files are fixed.
enum ErrorPage {
    static func html(_ problems: Diagnostics, generation: Int) -> String {
        let errors = problems.errorCount, warnings = problems.warningCount
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        var items = ""
        for problem in problems.sorted {
            items += "<li class=\"\(problem.severity.rawValue)\"><code>\(HTML.escape(problem.location.description))</code> "
            items += "<strong>\(problem.severity.rawValue)</strong>: \(HTML.escape(problem.message))"
            for note in problem.notes {
                items += "<br><code>\(HTML.escape(note.location.description))</code> note: \(HTML.escape(note.message))"
            }
            items += "</li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed: \(counts)</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
            h1 { color: #a4000f; font-size: 1.5rem; }
            ul { padding: 0; list-style: none; }
            li { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid #a4000f; background: #fff3f3; }
            li.warning { border-color: #8a5a00; background: #fff8e6; }
            code { font: 0.95em ui-monospace, monospace; }
            </style>
            </head>
            <body>
            <h1>The site cannot be built: \(counts)</h1>
            <p>Fix the files and lines below. This page shows the site again as soon as they are saved.</p>
            <ul>
            \(items)</ul>
            \(ReloadScript.tag(generation: generation))</body>
            </html>

            """
    }
}
