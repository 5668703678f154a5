import Foundation
import Yams

/// Reading one YAML file into a tree, with every way that can fail turned into a diagnostic.
enum YAMLFile {
    static func read(_ file: String) -> Result<(text: String, node: Node), Diagnostic> {
        let whole = SourceLocation(file: file)
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let attributes else {
            return .failure(.error("cannot read \(file): no such file", at: whole))
        }
        if let size = attributes[.size] as? Int, size > SiteLoader.maximumFileSize {
            return .failure(.error("\(file) is \(size) bytes; content files are limited to \(SiteLoader.maximumFileSize) bytes", at: whole))
        }
        // Not read at all: Foundation's FileManager.contents(atPath:) leaks 4 KiB on each empty
        // file (found by the fuzzer's leak check; swift-corelibs 6.3).
        if attributes[.size] as? Int == 0 {
            return .failure(.error("\(file) is empty", at: whole))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(.error("cannot read \(file)", at: whole))
        }
        guard var text = String(validatingUTF8Data: data) else {
            let offset = firstInvalidUTF8Offset(data)
            return .failure(.error("\(file) is not UTF-8 text: invalid byte at offset \(offset); save it as UTF-8", at: whole))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error("\(file) is empty", at: whole))
        }
        if let tooDeep = tooDeeplyNested(text) {
            return .failure(.error("nesting deeper than \(maximumNesting) levels of [ and {; a content file is never this deep",
                                   at: SourceLocation(file: file, line: tooDeep.line, column: tooDeep.column)))
        }
        do {
            // The basic resolver: every value is read as text by ContentReader, so Yams
            // need not match each scalar against its regular expressions for numbers and dates.
            let parser = try Parser(yaml: text, resolver: .basic)
            guard let node = try parser.singleRoot() else {
                return .failure(.error("\(file) holds no YAML document", at: whole))
            }
            // Anchors are only known while the parser lives (Yams holds them weakly).
            if let anchored = withExtendedLifetime(parser, { firstAnchored(node) }) {
                let mark = anchored.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? whole
                return .failure(.error("anchors and aliases (&name, *name) are not supported in content files; write each value out",
                                       at: mark))
            }
            return .success((text, node))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, text: text))
        } catch {
            return .failure(.error("cannot read \(file): \(error)", at: whole))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            if problem.contains("tab") || lineHasTabIndent(text, line: mark.line) {
                message += "; indent with spaces, not tabs"
            } else if problem.contains("mapping values are not allowed") {
                message += "; put text that contains ': ' in quotes"
            }
            return .error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let later = secondOccurrence(of: duplicates.first ?? "", after: context.mark, in: text)
                .map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            return .error("duplicate key \(names) in the same mapping; keep one", at: later ?? at(context.mark),
                          notes: later == nil ? [] : [.init("first written here", at: at(context.mark))])
        case .reader(let problem, let offset, _, _):
            return .error("YAML: \(problem)" + (offset.map { " at character \($0)" } ?? ""), at: SourceLocation(file: file))
        default:
            return .error("YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    /// Flow collections ([ and {) deeper than this are refused before parsing: the
    /// parser recurses once per level, and a file of a million [ would exhaust the stack.
    static let maximumNesting = 32

    private static func tooDeeplyNested(_ text: String) -> (line: Int, column: Int)? {
        var depth = 0, line = 1, column = 0
        var quote: UInt8? = nil
        var comment = false
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
                comment = false
            case _ where comment: break
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if quote == nil { quote = byte } else if quote == byte { quote = nil }
            case UInt8(ascii: "#") where quote == nil: comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{") where quote == nil:
                depth += 1
                if depth > maximumNesting { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}") where quote == nil:
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The first node, in document order, that carries an anchor. An alias always
    /// comes after its anchor, so the walk stops before it could expand one.
    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        case .sequence(let sequence):
            for element in sequence {
                if let found = firstAnchored(element) { return found }
            }
        default: break
        }
        return nil
    }

    /// The text's lines as libyaml counts them: a lone `\r` (old Mac files), NEL, LS and PS
    /// end a line too, so a YAML mark's line is an index into this list, not into `\n` lines.
    private static func yamlLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    private static func lineHasTabIndent(_ text: String, line: Int) -> Bool {
        let lines = yamlLines(text)
        guard line >= 1, line <= lines.count else { return false }
        return lines[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }

    /// Yams points at the first of two equal keys; the one to fix is usually the later one.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = yamlLines(text)
        // Found by the fuzzer: lines counted on `\n` alone fell short of Yams's mark in a file
        // with `\r` line ends, and the range below trapped.
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let keyPart = rest.hasPrefix("- ") ? rest.dropFirst(2) : rest
            let column = indent + 1 + (rest.count - keyPart.count)
            if column == mark.column, keyPart.hasPrefix(key + ":") {
                return (index + 1, column)
            }
            if indent + 1 < mark.column, !rest.isEmpty, !rest.hasPrefix("#") { break }
        }
        return nil
    }

    /// The byte offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
