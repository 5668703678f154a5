/// One `{{…}}` tag as written, with the place of its `{{`.
struct TemplateTag: Sendable {
    enum Kind: Sendable { case variable, unescaped, section, inverted, close, comment, partial }
    let kind: Kind
    /// The name between the delimiters, trimmed; empty for a comment.
    let name: String
    let line: Int
    let column: Int

    /// Sections, their ends, comments and partials are left out with their whole
    /// line when they stand alone on it; variables never are.
    var canStandAlone: Bool { kind != .variable && kind != .unescaped }
}

/// A piece of a template: text never runs past the end of a line.
enum TemplateToken: Sendable {
    case text(ArraySlice<UInt8>)
    case tag(TemplateTag)
}

/// Cuts a template into text and tags, over its UTF-8 bytes.
struct TemplateScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func tokens() throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var textStart = 0
        while index < bytes.count {
            if bytes[index] == .newline {
                index += 1
                tokens.append(.text(bytes[textStart..<index]))
                textStart = index
                line += 1
                lineStart = index
            } else if bytes[index] == .openBrace, index + 1 < bytes.count, bytes[index + 1] == .openBrace {
                if textStart < index { tokens.append(.text(bytes[textStart..<index])) }
                tokens.append(.tag(try tag()))
                textStart = index
            } else {
                index += 1
            }
        }
        if textStart < bytes.count { tokens.append(.text(bytes[textStart...])) }
        return tokens
    }

    /// The tag whose `{{` is at `index`; moves past its end.
    private mutating func tag() throws(TemplateSyntaxError) -> TemplateTag {
        let (line, column) = (self.line, self.column(of: index))
        func failure(_ message: String) -> TemplateSyntaxError {
            TemplateSyntaxError(message: message, line: line, column: column)
        }
        let open = index
        var start = index + 2
        let kind: TemplateTag.Kind
        switch start < bytes.count ? bytes[start] : 0 {
        case UInt8(ascii: "{"): kind = .unescaped
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "="):
            throw failure("set-delimiter tags ('{{=<% %>=}}') are not supported; write tags with '{{' and '}}'")
        case UInt8(ascii: "<"), UInt8(ascii: "$"):
            throw failure("template inheritance ('{{<name}}', '{{$name}}') is not supported; use partials ('{{> name}}')")
        case UInt8(ascii: "%"):
            throw failure("pragmas ('{{%…}}') are not supported")
        default: kind = .variable
        }
        if kind != .variable { start += 1 }
        let opening = String(decoding: bytes[open..<start], as: UTF8.self)
        let triple = opening == "{{{"
        guard let close = firstClose(from: start) else {
            throw failure("the tag '\(opening)' is not closed: expected '\(triple ? "}}}" : "}}")'")
        }
        let end = close + (triple ? 3 : 2)
        if triple, close + 2 >= bytes.count || bytes[close + 2] != .closeBrace {
            throw failure("the tag '{{{' is closed by '}}': expected '}}}'")
        }
        let inside = String(decoding: bytes[start..<close], as: UTF8.self)
        if kind != .comment, inside.contains("{{") {
            throw failure("the tag '\(opening)' is not closed before the next '{{': expected '\(triple ? "}}}" : "}}")'")
        }
        for position in open..<end where bytes[position] == .newline {
            self.line += 1
            lineStart = position + 1
        }
        index = end
        let name = kind == .comment ? "" : inside.trimmed
        if kind != .comment { try check(name, opening: opening, failure) }
        return TemplateTag(kind: kind, name: name, line: line, column: column)
    }

    private func check(_ name: String, opening: String, _ failure: (String) -> TemplateSyntaxError) throws(TemplateSyntaxError) {
        if name.isEmpty {
            throw failure("the tag '\(opening)' names nothing: write a name before its end")
        }
        if opening == "{{>" {
            guard name.utf8.allSatisfy({ TemplateName.isNameByte($0) || $0 == UInt8(ascii: ".") }) else {
                throw failure("'\(name)' is not a partial's name: a name of letters, digits, '_', '-' and '.', the file name without .mustache")
            }
        } else if name.contains("(") {
            throw failure("'\(name)': transforms such as 'uppercased(name)' are not supported; the views give every value ready to show")
        } else if TemplateName(name) == nil {
            throw failure("'\(name)' is not a name: letters, digits, '_' and '-', with '.' between parts ('labels.hours'), or '.' alone")
        }
    }

    private func firstClose(from start: Int) -> Int? {
        var position = start
        while position + 1 < bytes.count {
            if bytes[position] == .closeBrace, bytes[position + 1] == .closeBrace { return position }
            position += 1
        }
        return nil
    }

    /// 1-based, counted in Unicode scalars like every column HelpSite reports.
    private func column(of position: Int) -> Int {
        bytes[lineStart..<position].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
