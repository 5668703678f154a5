import Foundation

extension HTMLTokenizer {
    /// The cursor over the document's bytes. Each method starts at `index`
    /// (a `<`) and leaves `index` just after what it read. It reads through a
    /// buffer pointer, valid for the duration of `HTMLTokenizer.scan`.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Attributes to keep (lowercase), or nil for all; the others are read past, never decoded.
        let keeping: [[UInt8]]?
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, keeping: Set<String>?) {
            self.bytes = bytes
            self.keeping = keeping?.map { Array($0.utf8) }
        }

        /// Whether the attribute name in `start..<end` is kept, compared byte by byte, ignoring case.
        func keeps(_ start: Int, _ end: Int) -> Bool {
            guard let keeping else { return true }
            return keeping.contains { name in
                name.count == end - start && name.indices.allSatisfy { HTMLTokenizer.lowercased(bytes[start + $0]) == name[$0] }
            }
        }

        func byte(at offset: Int) -> UInt8? {
            offset < bytes.count ? bytes[offset] : nil
        }

        /// The next `byte` from `start`, found with `memchr`, which reads many bytes at a time.
        func find(_ byte: UInt8, from start: Int? = nil) -> Int? {
            let offset = start ?? index
            guard offset < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let found = memchr(base + offset, Int32(byte), bytes.count - offset) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        /// `<name attr=value …>`, and the name of the raw-text element it opens, if it
        /// does; nil when the file ends inside the tag. When only some attributes are
        /// kept, a tag with none of them comes back with an empty name: nothing was made of it.
        mutating func startTag() -> (tag: HTMLTag, rawText: String?)? {
            let start = index
            index += 1
            let nameStart = index
            while let byte = byte(at: index), !HTMLTokenizer.isSpace(byte), byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">") {
                index += 1
            }
            let nameEnd = index
            var attributes: [HTMLAttribute] = []
            var selfClosing = false
            while true {
                skipSpace()
                guard let byte = byte(at: index) else { return nil }
                if byte == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if byte == UInt8(ascii: "/") {
                    index += 1
                    if self.byte(at: index) == UInt8(ascii: ">") {
                        index += 1
                        selfClosing = true
                        break
                    }
                    continue
                }
                guard let attribute = readAttribute() else { return nil }
                if let attribute, !attributes.contains(where: { $0.name == attribute.name }) {
                    attributes.append(attribute)
                }
            }
            let rawText = HTMLTokenizer.rawTextElement(bytes[nameStart..<nameEnd])
            let wanted = keeping == nil || !attributes.isEmpty || rawText != nil
            let name = wanted ? (rawText ?? Self.lowercasedString(bytes[nameStart..<nameEnd])) : ""
            return (HTMLTag(name: name, attributes: attributes, selfClosing: selfClosing, offset: start), rawText)
        }

        /// `</name …>`: attributes on an end tag are read and thrown away.
        mutating func endTag() -> String? {
            index += 1
            guard let (tag, _) = startTag() else { return nil }
            return tag.name
        }

        /// Where the raw text of `name` ends: the `<` of `</name` followed by space, `/` or `>`.
        func rawTextEnd(_ name: String) -> Int? {
            let pattern = Array(name.utf8)
            var offset = index
            while let lt = find(UInt8(ascii: "<"), from: offset) {
                offset = lt + 1
                guard byte(at: lt + 1) == UInt8(ascii: "/"), lt + 2 + pattern.count <= bytes.count else { continue }
                let matches = pattern.indices.allSatisfy { HTMLTokenizer.lowercased(bytes[lt + 2 + $0]) == pattern[$0] }
                guard matches else { continue }
                guard let after = byte(at: lt + 2 + pattern.count) else { return lt }
                if HTMLTokenizer.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") { return lt }
            }
            return nil
        }

        func starts(with text: String, at offset: Int, ignoringCase: Bool = false) -> Bool {
            var position = offset
            for expected in text.utf8 {
                guard let actual = byte(at: position) else { return false }
                if (ignoringCase ? HTMLTokenizer.lowercased(actual) : actual) != expected { return false }
                position += 1
            }
            return true
        }

        mutating func skipSpace() {
            while let byte = byte(at: index), HTMLTokenizer.isSpace(byte) { index += 1 }
        }
    }
}
