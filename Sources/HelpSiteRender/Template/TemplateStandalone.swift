/// The Mustache spec's rule for lines that hold nothing but a tag: a section, its end,
/// a comment or a partial alone on its line (white space aside) leaves no trace of
/// the line, so templates can be laid out one tag per line without blank lines in
/// the page. The white space before a standalone partial indents each of its lines.
enum TemplateStandalone {
    enum Item {
        case text(ArraySlice<UInt8>)
        case lineStart
        case tag(TemplateTag, indentation: ArraySlice<UInt8>)
    }

    /// The tokens with standalone lines reduced to their tag, and a `lineStart` before
    /// every other line that is not empty.
    static func lines(_ tokens: [TemplateToken]) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(tokens.count * 2)
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count {
                end += 1
                if case .text(let text) = tokens[end - 1], text.last == .newline { break }
            }
            let line = tokens[start..<end]
            if let (tag, indentation) = standalone(line) {
                items.append(.tag(tag, indentation: indentation))
            } else {
                if !isEmptyLine(line) { items.append(.lineStart) }
                for token in line {
                    switch token {
                    case .text(let text): items.append(.text(text))
                    case .tag(let tag): items.append(.tag(tag, indentation: []))
                    }
                }
            }
            start = end
        }
        return items
    }

    /// The line's only tag and the white space before it, when nothing else is on the line.
    private static func standalone(_ line: ArraySlice<TemplateToken>) -> (TemplateTag, ArraySlice<UInt8>)? {
        var found: TemplateTag?
        var indentation: ArraySlice<UInt8> = []
        for token in line {
            switch token {
            case .tag(let tag):
                guard found == nil, tag.canStandAlone else { return nil }
                found = tag
            case .text(let text):
                guard isBlank(text) else { return nil }
                if found == nil { indentation = text }
            }
        }
        return found.map { ($0, indentation) }
    }

    /// Spaces and tabs, then possibly the end of the line (`\n` or `\r\n`).
    private static func isBlank(_ text: ArraySlice<UInt8>) -> Bool {
        var content = text
        if content.last == .newline {
            content = content.dropLast()
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        }
        return content.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// An empty line is not indented: indentation would only add trailing spaces.
    private static func isEmptyLine(_ line: ArraySlice<TemplateToken>) -> Bool {
        guard line.count == 1, case .text(let text) = line.first else { return false }
        return text.elementsEqual([.newline]) || text.elementsEqual([UInt8(ascii: "\r"), .newline])
    }
}
