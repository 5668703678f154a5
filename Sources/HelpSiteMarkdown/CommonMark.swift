import CCmarkConcurrency
import CCmarkGFM
import Foundation
import HelpSiteModel

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

    /// Parsers with the extensions attached, made once, before any page is parsed.
    private static let parsers = ParserPool(size: processorCount + 1)
    /// Held while a document is parsed, unless the parsers' special characters are pinned
    /// (`ParserPool.parsesConcurrently`): cmark-gfm 0.29 adds its extensions' special
    /// characters to a global table when inline parsing starts and removes them when it
    /// ends, so two parses at once can make one of them miss `~~strikethrough~~`.
    private static let parseLock = NSLock()

    /// Whether documents are parsed on several threads at once; when false they are
    /// parsed one at a time (and everything else still runs on every core).
    public static var parsesConcurrently: Bool { parsers.parsesConcurrently }

    /// Renders `markdown` to HTML. Raw HTML in the source is shown as text,
    /// never passed through; unsafe link destinations are dropped by cmark's safe mode.
    /// - Parameter headingLevel: the level a `#` heading gets, so that headings a
    ///   translator writes in a step fit under the page's own (`#` in a step is an `h3`).
    /// - Parameter parses: where an earlier stage may have left this text's document.
    public static func render(_ markdown: String, headingLevel: Int = 1, parses: MarkdownParses? = nil) -> RenderedMarkdown {
        if let done = parses?.rendered(markdown, headingLevel: headingLevel) { return done }
        let rendered = withDocument(markdown, changing: true, kept: parses) { document, parser in
            turnRawHTMLIntoText(document)
            if headingLevel > 1 { shiftHeadings(document, by: headingLevel - 1) }
            guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
                fatalError("cmark_render_html: out of memory")
            }
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return RenderedMarkdown(html: String(cString: html))
        }
        parses?.keep(rendered, for: markdown, headingLevel: headingLevel)
        return rendered
    }

    /// Every link and image in `markdown`, with its place (1-based) in the Markdown
    /// source; for pointing a broken link back at the line a translator wrote.
    public static func links(in markdown: String) -> [MarkdownLink] {
        withDocument(markdown, changing: false, kept: nil) { document, _ in
            var links: [MarkdownLink] = []
            forEachNode(document) { node, entering in
                let type = cmark_node_get_type(node)
                guard entering, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
                links.append(MarkdownLink(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                                          line: Int(cmark_node_get_start_line(node)),
                                          column: Int(cmark_node_get_start_column(node))))
            }
            return links
        }
    }

    /// What a reader can act on in `markdown`, in reading order: each link with
    /// its destination and text, and the text outside links. For finding facts in prose.
    /// - Parameter parses: keeps the document there for the renderer, and the text's plain text
    ///   for the search index (`plainText`), which would otherwise walk the document again.
    public static func scan(_ markdown: String, parses: MarkdownParses? = nil) -> [MarkdownInline] {
        scanned(markdown, parses: parses).items
    }

    /// The text's items and where its blocks end (paragraphs, list items, table cells).
    static func scanned(_ markdown: String, parses: MarkdownParses?, keepingPlainText: Bool = true) -> ScannedText {
        let found = withDocument(markdown, changing: false, kept: parses) { document, _ in
            var found = ScannedText()
            var linkText: String?
            var destination = ""
            forEachNode(document) { node, entering in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK {
                    if entering {
                        destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                        linkText = ""
                    } else {
                        found.items.append(.link(destination: destination, text: linkText ?? ""))
                        linkText = nil
                    }
                } else if entering, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE
                            || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_CODE_BLOCK {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    if linkText != nil { linkText! += literal } else { found.items.append(.text(literal)) }
                } else if entering, type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    if linkText != nil { linkText! += " " } else { found.items.append(.text(" ")) }
                } else if !entering, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    found.blockEnds.append(found.items.count)
                }
            }
            return found
        }
        if keepingPlainText { parses?.keepPlainText(found.plainText, for: markdown) }
        return found
    }

    /// Parses `markdown` with the GFM extensions and hands the document (and the
    /// parser, whose extension list the HTML renderer needs) to `body`.
    /// - Parameter changing: `body` changes the document (rendering does). With `kept`, a
    ///   document that is only read is kept there for the one that changes it; otherwise
    ///   it is freed after `body`.
    private static func withDocument<Result>(_ markdown: String, changing: Bool, kept: MarkdownParses?,
                                             _ body: (OpaquePointer, OpaquePointer) -> Result) -> Result {
        parsers.withParser { parser in
            if let kept, let document = changing ? kept.take(markdown) : kept.peek(markdown) {
                defer { if changing { cmark_node_free(document) } }
                return body(document, parser)
            }
            var source = markdown
            // Parsing runs one document at a time (see ParserPool); what follows — walking
            // the tree, rendering HTML — runs on every core.
            let serial = !parsers.parsesConcurrently
            if serial { parseLock.lock() }
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            // cmark_parser_finish hands over the document and resets the parser for the next one.
            let finished = cmark_parser_finish(parser)
            if serial { parseLock.unlock() }
            guard let document = finished else { fatalError("cmark_parser_finish: out of memory") }
            if let kept, !changing {
                let result = body(document, parser)
                kept.keep(document, for: markdown)
                return result
            }
            defer { cmark_node_free(document) }
            return body(document, parser)
        }
    }

    /// Visits every node, entering and (for containers) leaving.
    private static func forEachNode(_ document: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(document) else { fatalError("cmark_iter_new: out of memory") }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator) { visit(node, event == CMARK_EVENT_ENTER) }
            event = cmark_iter_next(iterator)
        }
    }

    private static func shiftHeadings(_ document: OpaquePointer, by offset: Int) {
        forEachNode(document) { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + Int32(offset)))
        }
    }

    /// Replaces every raw HTML node by a text node with the same characters (so
    /// `<script>` reads as text on the page).
    private static func turnRawHTMLIntoText(_ document: OpaquePointer) {
        var rawHTML: [OpaquePointer] = []
        forEachNode(document) { node, entering in
            let type = cmark_node_get_type(node)
            if entering, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { rawHTML.append(node) }
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
    }
}

/// cmark-gfm keeps global state: its extension registry, and a table of special
/// characters that every parse writes to (`cmark_manage_extensions_special_characters`
/// adds its extensions' characters at the start of inline parsing and removes them
/// at the end). So the extensions are registered and attached here, once, before
/// any parse. Then the characters are pinned in the table for the life of the process
/// (`CCmarkConcurrency`, special_characters.c), after which a parse only reads the
/// table, and parses run on every core. If the pin does not take on some platform
/// (the library calls its own copy of the function), parses are serialised
/// (`CommonMark.parseLock`) instead.
/// The thread sanitizer cannot see this race: it lives in the uninstrumented
/// library. The test that renders on several threads and compares with one thread
/// caught it (a table cell's `~~x~~` left as text).
/// Each thread borrows a parser and returns it; the parsers live as long as the process.
private final class ParserPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [OpaquePointer]
    let parsesConcurrently: Bool

    init(size: Int) {
        cmark_gfm_core_extensions_ensure_registered()
        idle = (0..<max(1, size)).map { _ in
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { fatalError("cmark_parser_new: out of memory") }
            for name in CommonMark.extensions {
                guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                    preconditionFailure("cmark-gfm has no '\(name)' extension; is libcmark-gfm-extensions installed?")
                }
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
            return parser
        }
        parsesConcurrently = Self.pinSpecialCharacters(idle[0])
    }

    /// Pins the extensions' special characters and proves, with one parse, that the
    /// library now goes through the pinned function (it counts its calls).
    private static func pinSpecialCharacters(_ parser: OpaquePointer) -> Bool {
        guard helpsite_cmark_pin_special_characters(parser) else { return false }
        let before = helpsite_cmark_special_character_calls()
        let probe = "~~x~~"
        cmark_parser_feed(parser, probe, probe.utf8.count)
        guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish: out of memory") }
        cmark_node_free(document)
        return helpsite_cmark_special_character_calls() > before
    }

    func withParser<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        condition.lock()
        while idle.isEmpty { condition.wait() }
        let parser = idle.removeLast()
        condition.unlock()
        defer {
            condition.lock()
            idle.append(parser)
            condition.signal()
            condition.unlock()
        }
        return body(parser)
    }
}
