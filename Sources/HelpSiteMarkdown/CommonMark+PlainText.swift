extension CommonMark {
    /// The text a reader sees of `markdown`: the text of its links included, their addresses
    /// left out, each block (paragraph, list item, table cell) ended by a line feed. For the
    /// search index, which indexes and shows it.
    /// - Parameter parses: where the check left this text's plain text (taken from there: the
    ///   index is the last to read it) or its document.
    public static func plainText(_ markdown: String, parses: MarkdownParses? = nil) -> String {
        parses?.takePlainText(markdown) ?? scanned(markdown, parses: parses, keepingPlainText: false).plainText
    }
}

/// What `CommonMark.scan` finds in a text: its items, and the number of items before each
/// block's end, in order (where the plain text has a line feed).
struct ScannedText: Sendable {
    var items: [MarkdownInline] = []
    var blockEnds: [Int] = []

    /// The text of the items (a link's words, not its address), a line feed after each block.
    var plainText: String {
        var text = ""
        var ends = blockEnds[...]
        for (index, item) in items.enumerated() {
            while ends.first == index { text += "\n"; ends.removeFirst() }
            switch item {
            case .text(let part): text += part
            case .link(_, let part): text += part
            }
        }
        for _ in ends { text += "\n" }
        return text
    }
}
