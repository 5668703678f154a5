import HelpSiteContent

extension YAMLPatcher {
    /// Why an item could not be added; the caller words it for its file.
    enum AppendProblem: Error, Equatable {
        /// The text does not read as YAML (the loader has read it already, so not in practice).
        case unreadable
        /// No top-level key of that name.
        case noKey
        /// The key's value is written on the key's line: `languages: [nl, fr]`.
        case oneLine
        /// The key's value is not a block list of `- ` items.
        case noItems
        /// The changed text would not read as the old one with the item added.
        case notReadBack
    }

    /// Adds a mapping as the last item of the block list under the top-level `key`: one line
    /// per pair, `- key: value` then `  key: value`, at the list's indentation. The lines go in
    /// after the line where the list's last value ends, so that the comments and blank lines
    /// after the list stay after it; the file's line ending (CRLF or LF) is kept. The result is
    /// read back as `apply` reads its results: every scalar as before, and the new item's.
    static func appending(_ item: [(key: String, value: String)], toSequence key: String,
                          in text: String) throws(AppendProblem) -> String {
        // libyaml does not count a byte-order mark in its positions.
        if text.hasPrefix("\u{FEFF}") { return "\u{FEFF}" + (try appending(item, toSequence: key, in: String(text.dropFirst()))) }
        guard case .success(let root?) = YAMLParser.parse(text), let before = scalars(of: text),
              let spans = YAMLScalarSpans.spans(in: text) else { throw .unreadable }
        guard let pair = root.mapping?.first(where: { $0.key.scalar?.string == key }) else { throw .noKey }
        let list = pair.value
        if list.start.line == pair.key.start.line, list.start.offset < list.end.offset { throw .oneLine }
        let bytes = Array(text.utf8), offsets = YAMLScalarSpans.byteOffsets(of: text)
        let start = offsets[list.start.offset], end = offsets[list.end.offset]
        let lineStart = bytes[..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard let items = list.sequence, !items.isEmpty, bytes[start] == UInt8(ascii: "-"),
              bytes[lineStart..<start].allSatisfy({ $0 == 0x20 }),
              let last = spans.last(where: { (start..<end).contains($0.range.lowerBound) }) else { throw .noItems }

        // libyaml ends a block list where the next key starts: after the blank lines and comments between.
        var at = editableRange(last, in: bytes).upperBound
        while at < bytes.count, bytes[at] != 0x0A { at += 1 }
        let endsLine = at < bytes.count
        if endsLine { at += 1 }
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let indent = String(decoding: bytes[lineStart..<start], as: UTF8.self)
        func lines(_ write: (String) -> String) -> String {
            let lines = item.enumerated().map { index, pair in indent + (index == 0 ? "- " : "  ") + pair.key + ": " + write(pair.value) }
            // Each after a line break: at the very end of a text without a last one, the first goes before.
            return endsLine ? lines.map { $0 + newline }.joined() : lines.map { newline + $0 }.joined()
        }

        let path = "/\(key)/\(items.count)"
        let added = item.flatMap { [Scalar(path: path + "/?", value: $0.key, line: 0, column: 0),
                                    Scalar(path: path + "/" + $0.key, value: $0.value, line: 0, column: 0)] }
        var expected = before
        expected.insert(contentsOf: added, at: (before.lastIndex { $0.path.hasPrefix("/\(key)/") } ?? before.count - 1) + 1)
        // Plain where the value reads back as itself, else double-quoted.
        let styles: [(String) -> String] = [{ YAMLScalarWriter.plain($0) ?? YAMLScalarWriter.doubleQuoted($0) }, YAMLScalarWriter.doubleQuoted]
        for write in styles {
            let patched = replacing([(at..<at, lines(write))], in: bytes)
            if reads(patched, as: expected) { return patched }
        }
        throw .notReadBack
    }
}
