import CYAML

/// Builds a `YAMLNode` tree from libyaml's event stream (through Yams' copy of
/// libyaml), refusing what content files never need: anchors and aliases, more
/// than one document, duplicate keys, and nesting deeper than a person writes.
///
/// This is the only file that sees libyaml. Yams' own composer builds a richer
/// tree (tags, resolvers, a class per tag) and resolves types through the Swift
/// runtime; reading the events directly made loading a 3,000-file site several
/// times cheaper (README, "Performance").
package enum YAMLParser {
    package struct Problem: Error, Equatable {
        var message: String
        /// Where, when libyaml or the tree builder knows.
        var mark: YAMLMark?
        /// libyaml's context ("while scanning a quoted scalar") and where it began.
        var context: String?
        var contextMark: YAMLMark?
        /// libyaml's own message about the syntax, rather than one of the tree builder's refusals.
        var isSyntax = false
        /// A second place worth showing: the first of two equal keys.
        var note: (message: String, mark: YAMLMark)?

        package static func == (a: Problem, b: Problem) -> Bool {
            a.message == b.message && a.mark == b.mark && a.context == b.context
        }
    }

    /// Flow collections (`[` and `{`) deeper than this are refused.
    static let maximumFlowNesting = 32
    /// Any nesting deeper than this is refused: block indentation included.
    static let maximumNesting = 64

    /// The document's root node; nil for a stream with no document (only comments).
    package static func parse(_ text: String) -> Result<YAMLNode?, Problem> {
        var text = text
        return text.withUTF8 { bytes in
            if let tooDeep = flowNestingBeyondLimit(bytes) {
                return .failure(Problem(message: "nesting deeper than \(maximumFlowNesting) levels of [ and {; a content file is never this deep",
                                        mark: tooDeep))
            }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Problem(message: "out of memory"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var builder = TreeBuilder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(problem(of: parser))
                }
                defer { yaml_event_delete(&event) }
                switch builder.take(event) {
                case .more: continue
                case .done(let root): return .success(root)
                case .failed(let problem): return .failure(problem)
                }
            }
        }
    }

    /// libyaml's scanner reads ahead through every `[` of a line before the parser sees
    /// the first, so its own nesting limit points at the wrong place; deep flow nesting
    /// is found here first. Most files have fewer brackets than the limit: one count.
    private static func flowNestingBeyondLimit(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLMark? {
        guard bytes.count(of: UInt8(ascii: "[")) + bytes.count(of: UInt8(ascii: "{")) > maximumFlowNesting else { return nil }
        var depth = 0, line = 1, column = 0, characters = 0
        var quote: UInt8? = nil
        var comment = false
        for byte in bytes {
            if byte & 0xC0 != 0x80 {
                column += 1
                characters += 1
            }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
                comment = false
            case _ where comment: break
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if quote == nil { quote = byte } else if quote == byte { quote = nil }
            case UInt8(ascii: "#") where quote == nil: comment = true
            case UInt8(ascii: "[") where quote == nil, UInt8(ascii: "{") where quote == nil:
                depth += 1
                if depth > maximumFlowNesting { return YAMLMark(line: line, column: column, offset: characters - 1) }
            case UInt8(ascii: "]") where quote == nil, UInt8(ascii: "}") where quote == nil:
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private static func problem(of parser: yaml_parser_t) -> Problem {
        let message = parser.problem.map { String(cString: $0) } ?? "cannot be read"
        if parser.error == YAML_READER_ERROR {
            // The reader counts bytes; the loader turns the offset into a line and column.
            return Problem(message: message, mark: YAMLMark(line: 0, column: 0, offset: parser.problem_offset), isSyntax: true)
        }
        var result = Problem(message: message, mark: mark(parser.problem_mark), isSyntax: true)
        if let context = parser.context {
            result.context = String(cString: context)
            result.contextMark = mark(parser.context_mark)
        }
        return result
    }

    fileprivate static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: mark.line + 1, column: mark.column + 1, offset: mark.index)
    }
}

/// The nodes being built, innermost last.
private struct TreeBuilder {
    enum Step {
        case more
        case done(YAMLNode?)
        case failed(YAMLParser.Problem)
    }

    /// A collection whose end has not been read yet. A class, so that adding an
    /// item appends in place instead of copying the array.
    private final class Open {
        let start: YAMLMark
        let isMapping: Bool
        let isFlow: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var key: YAMLNode?
        /// The mapping's text keys and where each is written, for finding a duplicate;
        /// indexed once the mapping is large enough for a scan to cost.
        var keyNames: [String] = []
        var keyMarks: [YAMLMark] = []
        var keyIndex: [String: YAMLMark]?

        init(start: YAMLMark, isMapping: Bool, isFlow: Bool) {
            self.start = start
            self.isMapping = isMapping
            self.isFlow = isFlow
        }

        /// Where `key` was written before in this mapping.
        func earlier(key name: String) -> YAMLMark? {
            if let keyIndex { return keyIndex[name] }
            return keyNames.firstIndex(of: name).map { keyMarks[$0] }
        }

        func addPair(_ key: YAMLNode, _ value: YAMLNode) {
            pairs.append((key, value))
            guard case .scalar(let name, _) = key.content else { return }
            if keyIndex != nil {
                if keyIndex?[name] == nil { keyIndex?[name] = key.start }
                return
            }
            keyNames.append(name)
            keyMarks.append(key.start)
            if keyNames.count >= 16 {
                keyIndex = Dictionary(zip(keyNames, keyMarks), uniquingKeysWith: { first, _ in first })
            }
        }
    }

    private var open: [Open] = []
    private var flowDepth = 0
    private var root: YAMLNode?
    private var documents = 0

    mutating func take(_ event: yaml_event_t) -> Step {
        let start = YAMLParser.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
            return .more
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            guard documents == 1 else {
                return .failed(.init(message: "but found another document", mark: start,
                                     context: "expected a single document in the stream", isSyntax: true))
            }
            return .more
        case YAML_STREAM_END_EVENT:
            return .done(root)
        case YAML_ALIAS_EVENT:
            return .failed(Self.anchorsRefused(at: start))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if scalar.anchor != nil { return .failed(Self.anchorsRefused(at: start)) }
            let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = YAMLNode(content: .scalar(string, Self.style(scalar.style)), start: start,
                                end: YAMLParser.mark(event.end_mark))
            return add(node)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            if sequence.anchor != nil { return .failed(Self.anchorsRefused(at: start)) }
            let isFlow = sequence.style == YAML_FLOW_SEQUENCE_STYLE
            if let problem = enter(isFlow: isFlow, at: start) { return .failed(problem) }
            open.append(Open(start: start, isMapping: false, isFlow: isFlow))
            return .more
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            if mapping.anchor != nil { return .failed(Self.anchorsRefused(at: start)) }
            let isFlow = mapping.style == YAML_FLOW_MAPPING_STYLE
            if let problem = enter(isFlow: isFlow, at: start) { return .failed(problem) }
            open.append(Open(start: start, isMapping: true, isFlow: isFlow))
            return .more
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let end = YAMLParser.mark(event.end_mark)
            let closed = open.removeLast()
            if closed.isFlow { flowDepth -= 1 }
            let content: YAMLNode.Content = closed.isMapping ? .mapping(closed.pairs) : .sequence(closed.items)
            return add(YAMLNode(content: content, start: closed.start, end: end))
        default:
            return .more
        }
    }

    private mutating func enter(isFlow: Bool, at mark: YAMLMark) -> YAMLParser.Problem? {
        if isFlow {
            flowDepth += 1
            if flowDepth > YAMLParser.maximumFlowNesting {
                return .init(message: "nesting deeper than \(YAMLParser.maximumFlowNesting) levels of [ and {; a content file is never this deep",
                             mark: mark)
            }
        }
        if open.count >= YAMLParser.maximumNesting {
            return .init(message: "nesting deeper than \(YAMLParser.maximumNesting) levels; a content file is never this deep", mark: mark)
        }
        return nil
    }

    /// Puts a finished node where it belongs: a mapping's key or value, a list's item, or the root.
    private mutating func add(_ node: YAMLNode) -> Step {
        guard let innermost = open.last else {
            root = node
            return .more
        }
        if !innermost.isMapping {
            innermost.items.append(node)
        } else if let key = innermost.key {
            innermost.addPair(key, node)
            innermost.key = nil
        } else {
            if let name = node.scalar?.string, let first = innermost.earlier(key: name) {
                return .failed(.init(message: "duplicate key '\(name)' in the same mapping; keep one", mark: node.start,
                                     note: ("first written here", first)))
            }
            innermost.key = node
        }
        return .more
    }

    private static func anchorsRefused(at mark: YAMLMark) -> YAMLParser.Problem {
        .init(message: "anchors and aliases (&name, *name) are not supported in content files; write each value out", mark: mark)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
