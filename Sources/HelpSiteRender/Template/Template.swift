/// A Mustache template compiled once into a tree: rendering walks the tree and
/// never looks at the template's text again.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Every name and partial the template uses, where it is written, for the checks of TemplateSet.
    let references: [TemplateReference]

    /// Parses `text`; the first problem is thrown with its line and column.
    init(parsing text: String) throws(TemplateSyntaxError) {
        var scanner = TemplateScanner(text)
        let tokens = try scanner.tokens()
        (nodes, references) = try TemplateTreeBuilder.build(TemplateStandalone.lines(tokens))
    }
}

indirect enum TemplateNode: Sendable {
    /// Text as written, as UTF-8.
    case text([UInt8])
    /// A line of the template starts here: a partial included with indentation writes it.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` is the white space before a partial tag that stands alone on its line.
    case partial(String, indentation: [UInt8])
}

/// `a.b.c` as its parts; `.` (the current item) has none.
struct TemplateName: Sendable, Equatable {
    let parts: [String]
    let written: String

    init?(_ written: String) {
        self.written = written
        if written == "." {
            parts = []
            return
        }
        let parts = written.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.isNameByte) }) else { return nil }
        self.parts = parts.map(String.init)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}

/// A name or partial a template uses, with its place.
struct TemplateReference: Sendable {
    enum Kind: Sendable { case value, partial }
    let kind: Kind
    let name: String
    let line: Int
    let column: Int
}

/// A template that cannot be compiled, with the place of the tag at fault.
struct TemplateSyntaxError: Error, Sendable {
    let message: String
    let line: Int
    let column: Int
}
