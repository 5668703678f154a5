import CCmarkGFM

/// The one place that touches cmark-gfm. Everything else sees a `String` in
/// and a `RenderedMarkdown` out.
///
/// Ownership follows cmark-gfm.h: each parser and document is freed by a
/// `defer` right after it is made; the `char *` from `cmark_render_html` is
/// ours, copied into a `String`, then freed with cmark's allocator; URLs and
/// literals read from nodes are borrowed, copied and never freed.
public enum CommonMark {
    /// GitHub Flavored Markdown's extensions, as the site promises translators.
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm registers its extensions in a global registry; Swift runs a
    /// static initialiser exactly once, even across threads.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Renders `markdown` to HTML. Raw HTML in the source is shown as text,
    /// never passed through; unsafe link destinations are dropped by cmark's safe mode.
    public static func render(_ markdown: String) -> RenderedMarkdown {
        precondition(registered)
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            guard let extensionPointer = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no '\(name)' extension; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish: out of memory") }
        defer { cmark_node_free(document) }

        let links = turnRawHTMLIntoText(document)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html: out of memory")
        }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return RenderedMarkdown(html: String(cString: html), links: links)
    }

    /// Replaces every raw HTML node by a text node with the same characters (so
    /// `<script>` reads as text on the page) and collects the links on the way.
    private static func turnRawHTMLIntoText(_ document: OpaquePointer) -> [RenderedMarkdown.Link] {
        var rawHTML: [OpaquePointer] = []
        var links: [RenderedMarkdown.Link] = []
        guard let iterator = cmark_iter_new(document) else { fatalError("cmark_iter_new: out of memory") }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                rawHTML.append(node)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(.init(destination: url, line: Int(cmark_node_get_start_line(node)),
                                   column: Int(cmark_node_get_start_column(node))))
            }
        }
        for node in rawHTML {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { fatalError("cmark_node_new: out of memory") }
            cmark_node_set_literal(text, isBlock ? String(literal.trimmingSuffix(while: { $0 == "\n" })) : literal)
            if isBlock {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { fatalError("cmark_node_new: out of memory") }
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        return links
    }
}

/// What Markdown became: its HTML, and the links in it with their position
/// in the Markdown source (1-based), for the checks that come after.
public struct RenderedMarkdown: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var destination: String
        public var line: Int
        public var column: Int
    }

    public var html: String
    public var links: [Link]
}

extension StringProtocol {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
