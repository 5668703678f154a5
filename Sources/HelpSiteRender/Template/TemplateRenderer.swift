import HelpSiteModel

/// Renders compiled templates into one byte buffer. Names are looked up the way the
/// Mustache spec says: the first part of `a.b` in the innermost section's value that
/// has it, then outwards to the template's values; the other parts in what was found.
struct TemplateRenderer {
    let templates: [String: Template]
    private(set) var output: [UInt8] = []
    /// The template's values, then the value of each section being rendered, innermost last.
    private var stack: [TemplateValue] = []

    init(templates: [String: Template], capacity: Int) {
        self.templates = templates
        output.reserveCapacity(capacity)
        stack.reserveCapacity(8)
    }

    mutating func render(_ template: Template, with values: TemplateObject) {
        stack.append(.object(values))
        render(template.nodes, indentation: [])
        stack.removeLast()
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text)
            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation) }
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                write(value, escaped: escaped)
            case .section(let name, let body, let inverted):
                let value = lookup(name)
                if inverted {
                    if value?.isTruthy != true { render(body, indentation: indentation) }
                } else if let value, value.isTruthy {
                    section(value, body, indentation: indentation)
                }
            case .partial(let name, let more):
                // TemplateSet refuses a partial that does not exist, and partials that include each other.
                guard let partial = templates[name] else { continue }
                render(partial.nodes, indentation: more.isEmpty ? indentation : indentation + more)
            }
        }
    }

    /// A list shows the section once per item, with the item as the innermost value; `true`
    /// shows it once as it is; an object or text once, as the innermost value.
    private mutating func section(_ value: TemplateValue, _ body: [TemplateNode], indentation: [UInt8]) {
        switch value {
        case .bool:
            render(body, indentation: indentation)
        case .list(let items):
            for item in items {
                stack.append(item)
                render(body, indentation: indentation)
                stack.removeLast()
            }
        case .object, .text:
            stack.append(value)
            render(body, indentation: indentation)
            stack.removeLast()
        }
    }

    private func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .object(let object) = value, let inner = object[first] {
                found = inner
                break
            }
        }
        guard var current = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = current, let inner = object[part] else { return nil }
            current = inner
        }
        return current
    }

    /// Text as it is or HTML-escaped; `true` and `false` as words; a list or an object as nothing.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { HTML.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }
}
