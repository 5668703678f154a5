import HelpSiteModel
import HelpSiteContent

/// Changes a YAML file byte range by byte range, so that comments, order, quoting and
/// every other value stay exactly as they were: it replaces the text of some scalars
/// (`import-xliff`, here) or adds an item to a list (`new-language`, `YAMLPatcher+Append.swift`).
/// The ranges come from the tree the content loader's own YAML parser builds
/// (`YAMLScalarSpans`), and every result is read back with that parser before it is kept.
///
/// Each new value is written in the style the scalar had (a `|` block stays a block
/// at its indentation, a plain value stays plain) when the value allows it, else in
/// the next safest style. Every candidate is read back with the content loader's own YAML parser: it is kept only if
/// the file then reads as before, except for that one value, which reads as the new text.
enum YAMLPatcher {
    struct Edit {
        /// Where the scalar starts, as `TextField.location` gives it.
        var location: SourceLocation
        var value: String
        /// What to call it in a message: the XLIFF unit.
        var name: String
    }

    static func apply(_ edits: [Edit], to text: String) -> Result<String, Diagnostic> {
        guard let spans = YAMLScalarSpans.spans(in: text), let before = scalars(of: text) else {
            return .failure(.error("cannot read the file again to change it", at: SourceLocation(file: edits.first?.location.file ?? "")))
        }
        let bytes = Array(text.utf8)
        var chosen: [(range: Range<Int>, replacement: String, edit: Edit)] = []
        for edit in edits {
            guard let span = spans.first(where: { $0.line == edit.location.line && $0.column == edit.location.column }),
                  let index = before.firstIndex(where: { $0.line == edit.location.line && $0.column == edit.location.column }) else {
                return .failure(.error("no text starts here to write \(edit.name) into", at: edit.location))
            }
            let range = editableRange(span, in: bytes)
            let found = candidates(edit.value, for: span, range: range, in: bytes).first { candidate in
                let patched = replacing([(range, candidate)], in: bytes)
                return reads(patched, as: before, changing: [index: edit.value])
            }
            guard let found else {
                return .failure(.error("cannot write the new text of \(edit.name) here in any YAML style; write it in the file by hand",
                                       at: edit.location))
            }
            chosen.append((range, found, edit))
        }
        let patched = replacing(chosen.map { ($0.range, $0.replacement) }, in: bytes)
        let changes = Dictionary(chosen.compactMap { choice in
            before.firstIndex { $0.line == choice.edit.location.line && $0.column == choice.edit.location.column }.map { ($0, choice.edit.value) }
        }, uniquingKeysWith: { _, last in last })
        guard reads(patched, as: before, changing: changes) else {
            return .failure(.error("the changed file would not read as intended; nothing was written", at: SourceLocation(file: edits.first?.location.file ?? "")))
        }
        return .success(patched)
    }

    /// The span without what follows a block's last line (blank lines, the next key's indentation),
    /// which libyaml counts in the block and which must stay as it is.
    static func editableRange(_ span: ScalarSpan, in bytes: [UInt8]) -> Range<Int> {
        guard span.style == .literal || span.style == .folded else { return span.range }
        var end = span.range.upperBound
        while end > span.range.lowerBound, [0x20, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        while end < span.range.upperBound, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return span.range.lowerBound..<end
    }

    /// The ways to write `value` in place of the scalar, the file's own style first.
    private static func candidates(_ value: String, for span: ScalarSpan, range: Range<Int>, in bytes: [UInt8]) -> [String] {
        let lineStart = bytes[..<range.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        // The column where the key or list item's text starts: a block under it is indented two more.
        var keyColumn = 0
        while lineStart + keyColumn < range.lowerBound, bytes[lineStart + keyColumn] == 0x20 || bytes[lineStart + keyColumn] == 0x2D { keyColumn += 1 }
        let singleLine = !value.contains("\n")
        var header = "|", indent = keyColumn + 2
        if span.style == .literal || span.style == .folded {
            let headerEnd = bytes[range].firstIndex(of: 0x0A) ?? range.upperBound
            header = String(decoding: bytes[range.lowerBound..<headerEnd], as: UTF8.self)
            var lineIndex = headerEnd + 1
            while lineIndex < range.upperBound {
                let lineEnd = bytes[lineIndex..<range.upperBound].firstIndex(of: 0x0A) ?? range.upperBound
                let spaces = bytes[lineIndex..<lineEnd].prefix { $0 == 0x20 }.count
                if lineIndex + spaces < lineEnd, bytes[lineIndex + spaces] != 0x0D { indent = spaces; break }
                lineIndex = lineEnd + 1
            }
        }
        var styles: [String?]
        switch span.style {
        case .plain: styles = singleLine ? [YAMLScalarWriter.plain(value)] : [YAMLScalarWriter.literal(value, header: "|", indent: indent)]
        case .singleQuoted: styles = singleLine ? [YAMLScalarWriter.singleQuoted(value)] : [YAMLScalarWriter.literal(value, header: "|", indent: indent)]
        case .doubleQuoted: styles = []
        case .literal: styles = [YAMLScalarWriter.literal(value, header: header, indent: indent)]
        case .folded:
            let asLiteral = "|" + header.dropFirst()
            styles = [YAMLScalarWriter.folded(value, header: header, indent: indent), YAMLScalarWriter.literal(value, header: asLiteral, indent: indent)]
        }
        return styles.compactMap { $0 } + [YAMLScalarWriter.doubleQuoted(value)]
    }

    static func replacing(_ replacements: [(Range<Int>, String)], in bytes: [UInt8]) -> String {
        var result = bytes
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            result.replaceSubrange(range, with: Array(text.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Every scalar of the file, keys included, with the path to it, in document order.
    struct Scalar: Equatable {
        var path: String
        var value: String
        var line: Int
        var column: Int
    }

    static func scalars(of text: String) -> [Scalar]? {
        guard case .success(let root?) = YAMLParser.parse(text) else { return nil }
        var found: [Scalar] = []
        func walk(_ node: YAMLNode, _ path: String) {
            switch node.content {
            case .scalar(let value, _):
                found.append(Scalar(path: path, value: value, line: node.start.line, column: node.start.column))
            case .mapping(let mapping):
                for (key, value) in mapping {
                    walk(key, path + "/?")
                    walk(value, path + "/" + (key.scalar?.string ?? "?"))
                }
            case .sequence(let sequence):
                for (offset, item) in sequence.enumerated() { walk(item, path + "/\(offset)") }
            }
        }
        walk(root, "")
        return found
    }

    /// Whether `text` reads as `before`, with the scalars at `changing` (by index) read as their new values.
    static func reads(_ text: String, as before: [Scalar], changing: [Int: String] = [:]) -> Bool {
        guard let after = scalars(of: text), after.count == before.count else { return false }
        for (index, (old, new)) in zip(before, after).enumerated() {
            guard old.path == new.path else { return false }
            if let value = changing[index] {
                guard new.value.trimmed == value else { return false }
            } else if old.value != new.value {
                return false
            }
        }
        return true
    }
}
