/// One node of a content file's YAML tree, with where it starts and ends.
///
/// Built by `YAMLParser` straight from libyaml's events: content files only ever
/// need text, lists and mappings, read as text, so no tags are resolved and no
/// value is converted.
package struct YAMLNode: Sendable {
    package enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    /// How a scalar was written, which tells where its text starts in the file.
    package enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    package let content: Content
    /// The node's first character (its anchor or tag, if it has one).
    package let start: YAMLMark
    /// Just after the node's last character.
    package let end: YAMLMark

    package var scalar: (string: String, style: ScalarStyle)? {
        if case .scalar(let string, let style) = content { return (string, style) }
        return nil
    }

    package var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// A mapping's value under a text key; nil for anything else.
    package subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.string == key }?.value
    }

    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }
}

/// A position in a YAML file: line and column from 1, and the offset from 0, all
/// counted in characters (Unicode scalars) as libyaml counts them; but for a reader
/// error (`YAMLParser.Problem` with line 0), whose offset is in bytes.
package struct YAMLMark: Sendable, Equatable {
    package let line: Int
    package let column: Int
    package let offset: Int
}
