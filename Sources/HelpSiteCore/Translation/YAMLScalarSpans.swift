import CYaml

/// Where one scalar of a YAML text is written, from its first character (a quote,
/// the `|` of a block) to just after its last, in UTF-8 byte offsets.
struct ScalarSpan: Equatable {
    enum Style: Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var range: Range<Int>
    var style: Style
    /// 1-based, in Unicode scalars, as Yams and `SourceLocation` count them.
    var line: Int
    var column: Int
}

/// Yams gives each node where it starts but not where it ends; libyaml's events
/// know both. This is the one place that talks to libyaml (Yams's CYaml module)
/// directly: `import-xliff` replaces a scalar's bytes and leaves every other byte alone.
enum YAMLScalarSpans {
    /// Every scalar of the text in document order, or nil if libyaml cannot read it
    /// (the loader has read the file already, so that does not happen in practice).
    static func spans(in text: String) -> [ScalarSpan]? {
        // libyaml counts positions in characters; the text is replaced by bytes.
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> [ScalarSpan]? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var spans: [ScalarSpan] = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return spans
                case YAML_SCALAR_EVENT:
                    let start = Int(event.start_mark.index), end = Int(event.end_mark.index)
                    guard start < end, end < offsets.count else { continue }
                    spans.append(ScalarSpan(range: offsets[start]..<offsets[end], style: style(event.data.scalar.style),
                                            line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1))
                default:
                    continue
                }
            }
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarSpan.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
