import Foundation
import HelpSiteModel

/// How diagnostics look on a terminal: the compiler form, coloured only when
/// standard error is a terminal and NO_COLOR is not set.
enum Terminal {
    static let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Diagnostics grouped by page in the compiler form, then the summary line, on standard error.
    static func report(_ diagnostics: Diagnostics, summary: String) {
        FileHandle.standardError.write(Data(paint(DiagnosticFormat.text.render(diagnostics, summary: summary)).utf8))
    }

    static func warning(_ message: String) {
        write((colour ? "\u{1B}[1;35mwarning:\u{1B}[0m " : "warning: ") + message)
    }

    static func error(_ message: String) {
        write((colour ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: ") + message)
    }

    /// `2 errors, 1 warning`.
    static func counts(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// Colours the severity words of text output, on a terminal only.
    static func paint(_ text: String) -> String {
        guard colour else { return text }
        return text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
            .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[1;35mwarning:\u{1B}[0m ")
            .replacingOccurrences(of: ": note: ", with: ": \u{1B}[1;30mnote:\u{1B}[0m ")
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
