import HelpSiteModel

/// A text field as the translator wrote it, for putting the numbers read in it at their
/// line and column in the YAML file. Works on Unicode scalars, which is also what columns count.
struct SourceText {
    private let text: String
    private let base: SourceLocation
    /// With `lookUp`: the scalars, and where a number is never looked for: link destinations and
    /// list markers (`markup`), and addresses, which are found around each candidate only.
    private var scalars: [Unicode.Scalar] = []
    private var markup: [Range<Int>] = []
    private var cursor = 0
    private let lookingUp: Bool
    /// The last place worked out, to count on from: numbers come in the order they are written.
    /// Its index is in UTF-8 bytes, its offset in scalars.
    private var counted: (index: Int, offset: Int, line: Int, column: Int)

    /// - Parameter lookUp: whether numbers are looked for in it (they were read from cmark-gfm's text
    ///   of it), rather than found at the offsets they were read at (they were read from this text).
    init(_ text: String, at location: SourceLocation, lookUp: Bool) {
        self.text = text
        base = location
        counted = (0, 0, 0, 0)
        lookingUp = lookUp
        guard lookUp else { return }
        scalars = NumberReader.scalars(of: text)
        markup = AddressMask.markup(scalars)
    }

    /// Whether a number at `offset` is part of an address or of markup.
    private func isMasked(_ offset: Int) -> Bool {
        if markup.contains(where: { $0.contains(offset) }) { return true }
        let around = NumberReader.windows(around: [offset], in: scalars)
        return AddressMask.ranges(scalars, in: text, within: around.first).contains { $0.contains(offset) }
    }

    /// The number read, as a fact at its place. A number word that needs no counterpart is never
    /// reported, and is not looked for.
    mutating func quantity(_ read: NumberReader.Read) -> Quantity {
        var location = base
        if read.needsCounterpart {
            if !lookingUp {
                location = self.location(ofOffset: read.anchor.lowerBound)
            } else if let offset = find(Array(read.figure.unicodeScalars)) {
                location = self.location(ofOffset: offset)
            }
        }
        return Quantity(value: read.value, unit: read.unit, inDigits: read.inDigits, needsCounterpart: read.needsCounterpart,
                        written: read.written, location: location)
    }

    /// The offset of `needle` as a whole word, at or after the last one found; from the start if
    /// it is not found after it.
    private mutating func find(_ needle: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, let offset = firstOffset(of: needle, from: cursor) ?? firstOffset(of: needle, from: 0) else { return nil }
        cursor = offset + needle.count
        return offset
    }

    private func firstOffset(of needle: [Unicode.Scalar], from start: Int) -> Int? {
        func isWord(_ offset: Int) -> Bool {
            offset >= 0 && offset < scalars.count && NumberReader.isWordScalar(scalars[offset])
        }
        guard scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        for offset in start...(scalars.count - needle.count)
        where scalars[offset] == needle[0] && !isWord(offset - 1) && !isWord(offset + needle.count) {
            if (0..<needle.count).allSatisfy({ scalars[offset + $0] == needle[$0] }), !isMasked(offset) { return offset }
        }
        return nil
    }

    /// Columns count Unicode scalars, as libyaml's do; each line of a block scalar starts at the
    /// block's indentation, the first line's column. Counted over the UTF-8 bytes, a scalar at
    /// each byte that does not continue one.
    private mutating func location(ofOffset offset: Int) -> SourceLocation {
        if offset < counted.offset { counted = (0, 0, 0, 0) }
        var (index, position, line, column) = counted
        var text = text
        text.withUTF8 { bytes in
            while position < offset, index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 0
                } else if byte != UInt8(ascii: "\r") {
                    column += 1
                }
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                position += 1
            }
        }
        counted = (index, position, line, column)
        return SourceLocation(file: base.file, line: base.line + line, column: base.column + column)
    }
}
