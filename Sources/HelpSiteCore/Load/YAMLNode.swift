/// One node of a content file's YAML tree, with where it starts and ends.
///
/// Built by `YAMLParser` straight from libyaml's events: content files only ever
/// need text, lists and mappings, read as text, so no tags are resolved and no
/// value is converted.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    /// How a scalar was written, which tells where its text starts in the file.
    enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    let content: Content
    /// The node's first character (its anchor or tag, if it has one).
    let start: YAMLMark
    /// Just after the node's last character.
    let end: YAMLMark

    var scalar: (string: String, style: ScalarStyle)? {
        if case .scalar(let string, let style) = content { return (string, style) }
        return nil
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// A mapping's value under a text key; nil for anything else.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.string == key }?.value
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }
}

/// A position in a YAML file: line and column from 1, and the offset from 0, all
/// counted in characters (Unicode scalars) as libyaml counts them; but for a reader
/// error (`YAMLParser.Problem` with line 0), whose offset is in bytes.
struct YAMLMark: Sendable, Equatable {
    let line: Int
    let column: Int
    let offset: Int
}
