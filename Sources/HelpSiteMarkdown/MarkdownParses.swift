import CCmarkGFM
import Foundation

/// Documents parsed from one group of pages, by their source text, handed from the stage
/// that reads them (the check's `scan`) to the one that renders them, so that each text is
/// parsed once. A document is kept until it is rendered (which changes it) or the value is
/// let go; its HTML is then kept instead, for the same text elsewhere in the group (a note
/// or a paragraph that several pages share), which is neither parsed nor rendered again.
/// The pipeline makes one per group of pages.
public final class MarkdownParses: @unchecked Sendable {
    /// Guards the three tables: a group is handled on one core, so it is never contended.
    private let lock = NSLock()
    private var documents: [SourceKey: OpaquePointer] = [:]
    /// The plain text of each text the check scanned, until the index takes it.
    private var plainTexts: [SourceKey: String] = [:]
    /// The HTML of each text rendered, by its heading level.
    private var html: [RenderKey: RenderedMarkdown] = [:]

    public init() {}

    /// A source text as its bytes: String's own hashing and equality normalise Unicode
    /// first, which cost 4% of a build of a thousand Dutch, French and English pages.
    /// Hashed by its length and its first and last bytes, compared whole: hashing every byte
    /// of every text, and comparing them one `utf8` element at a time, cost 3% more.
    private struct SourceKey: Hashable {
        let text: String
        init(_ text: String) { self.text = text }

        /// Bytes hashed at each end of a text.
        private static let ends = 48

        static func == (a: SourceKey, b: SourceKey) -> Bool {
            guard a.text.utf8.count == b.text.utf8.count else { return false }
            var a = a.text, b = b.text
            return a.withUTF8 { first in
                b.withUTF8 { second in
                    first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = self.text
            text.withUTF8 { bytes in
                hasher.combine(bytes.count)
                let raw = UnsafeRawBufferPointer(bytes)
                guard raw.count > 2 * Self.ends else { return hasher.combine(bytes: raw) }
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(Self.ends)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(Self.ends)))
            }
        }
    }

    private struct RenderKey: Hashable {
        let source: SourceKey
        let headingLevel: Int
    }

    deinit {
        for document in documents.values { cmark_node_free(document) }
    }

    func peek(_ source: String) -> OpaquePointer? { lock.withLock { documents[SourceKey(source)] } }
    func take(_ source: String) -> OpaquePointer? { lock.withLock { documents.removeValue(forKey: SourceKey(source)) } }

    func keep(_ document: OpaquePointer, for source: String) {
        let old = lock.withLock { documents.updateValue(document, forKey: SourceKey(source)) }
        if let old { cmark_node_free(old) }
    }

    func rendered(_ source: String, headingLevel: Int) -> RenderedMarkdown? {
        lock.withLock { html[RenderKey(source: SourceKey(source), headingLevel: headingLevel)] }
    }

    func keep(_ rendered: RenderedMarkdown, for source: String, headingLevel: Int) {
        lock.withLock { html[RenderKey(source: SourceKey(source), headingLevel: headingLevel)] = rendered }
    }

    func takePlainText(_ source: String) -> String? { lock.withLock { plainTexts.removeValue(forKey: SourceKey(source)) } }

    func keepPlainText(_ text: String, for source: String) {
        lock.withLock { plainTexts[SourceKey(source)] = text }
    }
}
