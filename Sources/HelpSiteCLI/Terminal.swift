import Foundation
import HelpSiteCore

/// How diagnostics look on a terminal: the compiler form, coloured only when
/// standard error is a terminal and NO_COLOR is not set.
enum Terminal {
    static let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func report(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted {
            write(paint(diagnostic))
        }
    }

    static func error(_ message: String) {
        write((colour ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: ") + message)
    }

    /// `3 errors, 1 warning: build failed (public/ left unchanged)`.
    static func summary(_ diagnostics: Diagnostics, verb: String, extra: String) {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"): \(verb) (\(extra))")
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func paint(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let severity = diagnostic.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;35mwarning:\u{1B}[0m"
        var text = "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(severity) \u{1B}[1m\(diagnostic.message)\u{1B}[0m"
        for note in diagnostic.notes {
            text += "\n\u{1B}[1m\(note.location):\u{1B}[0m \u{1B}[1;30mnote:\u{1B}[0m \(note.message)"
        }
        return text
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
