/// A piece of Markdown's inline content, as `CommonMark.scan` finds it.
public enum MarkdownInline: Sendable, Equatable {
    case link(destination: String, text: String)
    case text(String)
}

/// What Markdown became: its HTML.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
}

/// A link (or image) of Markdown, and where it starts in the Markdown source (1-based).
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
    public var column: Int
}

extension StringProtocol {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
