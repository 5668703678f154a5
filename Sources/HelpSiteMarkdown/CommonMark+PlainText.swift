extension CommonMark {
    /// The text a reader sees of `markdown`: the text of its links included, their addresses
    /// left out, each block (paragraph, list item, table cell) ended by a line feed. For the
    /// search index, which indexes and shows it.
    /// - Parameter parses: where the check may have left this text's document.
    public static func plainText(_ markdown: String, parses: MarkdownParses? = nil) -> String {
        var text = ""
        for item in scan(markdown, parses: parses, separatingBlocks: true) {
            switch item {
            case .text(let part): text += part
            case .link(_, let part): text += part
            }
        }
        return text
    }
}
