import Foundation
import HelpSiteModel

/// Reading one YAML file into a tree, with every way that can fail turned into a diagnostic.
enum YAMLFile {
    static func read(_ file: String) -> Result<(text: String, node: YAMLNode), Diagnostic> {
        let whole = SourceLocation(file: file)
        var info = stat()
        guard stat(file, &info) == 0 else {
            return .failure(.error("cannot read \(file): no such file", at: whole))
        }
        let size = Int(info.st_size)
        if size > SiteLoader.maximumFileSize {
            return .failure(.error("\(file) is \(size) bytes; content files are limited to \(SiteLoader.maximumFileSize) bytes", at: whole))
        }
        // Not read at all: Foundation's FileManager.contents(atPath:) leaks 4 KiB on each empty
        // file (found by the fuzzer's leak check; swift-corelibs 6.3).
        if size == 0 {
            return .failure(.error("\(file) is empty", at: whole))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(.error("cannot read \(file)", at: whole))
        }
        guard var text = String(validatingUTF8Data: data) else {
            guard let bad = UTF8Text.firstInvalidByte(in: data) else {
                return .failure(.error("\(file) is not UTF-8 text; save it as UTF-8", at: whole))
            }
            return .failure(.error("\(file) is not UTF-8 text: the byte \(bad.hex) cannot start or continue a character; save the file as UTF-8",
                                   at: SourceLocation(file: file, line: bad.line, column: bad.column)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error("\(file) is empty", at: whole))
        }
        switch YAMLParser.parse(text) {
        case .success(let node?):
            return .success((text, node))
        case .success(nil):
            return .failure(.error("\(file) holds no YAML document", at: whole))
        case .failure(let problem):
            return .failure(diagnostic(for: problem, file: file, text: text))
        }
    }

    private static func diagnostic(for problem: YAMLParser.Problem, file: String, text: String) -> Diagnostic {
        func at(_ mark: YAMLMark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        guard let mark = problem.mark else { return .error("YAML: \(problem.message)", at: SourceLocation(file: file)) }
        if mark.line == 0 {
            // libyaml's reader knows only the byte offset.
            let location = position(ofByte: mark.offset, in: text)
            return .error("YAML: \(problem.message)", at: SourceLocation(file: file, line: location.line, column: location.column))
        }
        if let note = problem.note {
            return .error(problem.message, at: at(mark), notes: [.init(note.message, at: at(note.mark))])
        }
        guard problem.isSyntax else { return .error(problem.message, at: at(mark)) }
        var message = "YAML: \(problem.message)"
        if let context = problem.context { message += " (\(context))" }
        if problem.message.contains("tab") || lineHasTabIndent(text, line: mark.line) {
            message += "; indent with spaces, not tabs"
        } else if problem.message.contains("mapping values are not allowed") {
            message += "; put text that contains ': ' in quotes"
        }
        return .error(message, at: at(mark))
    }

    private static func lineHasTabIndent(_ text: String, line: Int) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return false }
        return lines[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }

    /// Line and column (from 1, counting characters) of a byte offset.
    private static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

}
