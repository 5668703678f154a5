/// Nests the items into sections and checks that every section is closed, by its own name.
enum TemplateTreeBuilder {
    static func build(_ items: [TemplateStandalone.Item]) throws(TemplateSyntaxError) -> ([TemplateNode], [TemplateReference]) {
        var references: [TemplateReference] = []
        var open: [(tag: TemplateTag, name: TemplateName, outer: [TemplateNode])] = []
        var nodes: [TemplateNode] = []
        for item in items {
            switch item {
            case .text(let text): nodes.append(.text(Array(text)))
            case .lineStart: nodes.append(.lineStart)
            case .tag(let tag, let indentation):
                switch tag.kind {
                case .comment:
                    break
                case .partial:
                    references.append(TemplateReference(kind: .partial, name: tag.name, line: tag.line, column: tag.column))
                    nodes.append(.partial(tag.name, indentation: Array(indentation)))
                case .variable, .unescaped:
                    references.append(TemplateReference(kind: .value, name: tag.name, line: tag.line, column: tag.column))
                    nodes.append(.variable(name(of: tag), escaped: tag.kind == .variable))
                case .section, .inverted:
                    references.append(TemplateReference(kind: .value, name: tag.name, line: tag.line, column: tag.column))
                    open.append((tag, name(of: tag), nodes))
                    nodes = []
                case .close:
                    guard let section = open.popLast() else {
                        throw TemplateSyntaxError(message: "'{{/\(tag.name)}}' closes no section: no '{{#\(tag.name)}}' or '{{^\(tag.name)}}' is open",
                                                  line: tag.line, column: tag.column)
                    }
                    guard section.tag.name == tag.name else {
                        throw TemplateSyntaxError(
                            message: "'{{/\(tag.name)}}' does not close '\(opening(section.tag))' (line \(section.tag.line), column \(section.tag.column)): close it first with '{{/\(section.tag.name)}}'",
                            line: tag.line, column: tag.column)
                    }
                    let body = nodes
                    nodes = section.outer
                    nodes.append(.section(section.name, body, inverted: section.tag.kind == .inverted))
                }
            }
        }
        if let section = open.last {
            throw TemplateSyntaxError(message: "'\(opening(section.tag))' is not closed: expected '{{/\(section.tag.name)}}'",
                                      line: section.tag.line, column: section.tag.column)
        }
        return (nodes, references)
    }

    private static func opening(_ tag: TemplateTag) -> String {
        (tag.kind == .inverted ? "{{^" : "{{#") + tag.name + "}}"
    }

    /// The scanner has checked the name.
    private static func name(of tag: TemplateTag) -> TemplateName {
        guard let name = TemplateName(tag.name) else { preconditionFailure("TemplateScanner passed the name '\(tag.name)'") }
        return name
    }
}
