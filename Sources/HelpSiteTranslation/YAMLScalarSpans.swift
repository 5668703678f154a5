import HelpSiteContent

/// Where one scalar of a YAML text is written, from its first character (a quote,
/// the `|` of a block) to just after its last, in UTF-8 byte offsets.
struct ScalarSpan: Equatable {
    typealias Style = YAMLNode.ScalarStyle

    var range: Range<Int>
    var style: Style
    /// 1-based, in Unicode scalars, as Yams and `SourceLocation` count them.
    var line: Int
    var column: Int
}

/// Where each scalar of a text is written, from the tree `YAMLParser` builds (the one
/// file that talks to libyaml): its nodes know where they start and end.
/// `import-xliff` replaces a scalar's bytes and leaves every other byte alone.
enum YAMLScalarSpans {
    /// Every scalar of the text in document order, or nil if it does not read as a
    /// content file (the loader has read the file already, so that does not happen in practice).
    static func spans(in text: String) -> [ScalarSpan]? {
        guard case .success(let root?) = YAMLParser.parse(text) else { return nil }
        let offsets = byteOffsets(of: text)
        var spans: [ScalarSpan] = []
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .scalar(_, let style):
                let start = node.start.offset, end = node.end.offset
                guard start < end, end < offsets.count else { return }
                spans.append(ScalarSpan(range: offsets[start]..<offsets[end], style: style,
                                        line: node.start.line, column: node.start.column))
            case .mapping(let pairs):
                for pair in pairs {
                    walk(pair.key)
                    walk(pair.value)
                }
            case .sequence(let items):
                items.forEach(walk)
            }
        }
        walk(root)
        return spans
    }

    /// The UTF-8 offset of each character of the text, and of its end: libyaml counts
    /// positions (`YAMLMark.offset`) in characters, and the text is changed by bytes.
    static func byteOffsets(of text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return offsets
    }
}
