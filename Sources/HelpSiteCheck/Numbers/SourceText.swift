import Foundation
import HelpSiteModel

/// A text field as the translator wrote it, for putting the numbers read in it at their
/// line and column in the YAML file. Works on Unicode scalars, which is also what columns count.
struct SourceText {
    private let text: String
    private let base: SourceLocation
    /// With `masked`: the scalars, and those a number is never looked for in (addresses, link
    /// destinations, list markers).
    private var scalars: [Unicode.Scalar] = []
    private var masked: [Bool] = []
    private var cursor = 0
    /// The last place worked out, to count on from: numbers come in the order they are written.
    private var counted: (index: String.Index, line: Int, column: Int)

    /// `1.` or `2)` opening a line: a numbered list's marker, not a number of the text.
    static let listMarker = try! NSRegularExpression(pattern: #"(?m)^[ \t]*[0-9]{1,9}[.)](?=[ \t]|$)"#)
    /// `](destination "title")` and `<https://…>`: what cmark-gfm keeps out of the text.
    private static let destination = try! NSRegularExpression(pattern: #"\]\([^)]*\)|<[^>\s]+>"#)

    /// - Parameter masked: whether numbers will be looked for (`readIn:`), and so the places to skip are worked out.
    init(_ text: String, at location: SourceLocation, masked: Bool) {
        self.text = text
        base = location
        counted = (text.startIndex, 0, 0)
        guard masked else { return }
        scalars = Array(text.unicodeScalars)
        self.masked = Array(repeating: false, count: scalars.count)
        let whole = NSRange(text.startIndex..., in: text)
        let ranges = TextAddresses.ranges(in: text)
            + (Self.destination.matches(in: text, range: whole) + Self.listMarker.matches(in: text, range: whole))
            .compactMap { Range($0.range, in: text) }
        for range in ranges {
            let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + text.unicodeScalars[range].count
            for offset in start..<min(end, scalars.count) { self.masked[offset] = true }
        }
    }

    /// The number read as a fact, at its place: at its very range when this text is what was read,
    /// or looked for when it was read from cmark-gfm's text (`readIn`, with `masked: true`).
    /// A number word that needs no counterpart is never reported, and is not looked for.
    mutating func quantity(_ read: NumberReader.Read, readIn stream: String? = nil) -> Quantity {
        var location = base
        if read.needsCounterpart {
            if let stream {
                location = find(String(stream.unicodeScalars[read.anchor])) ?? base
            } else {
                location = self.location(of: read.anchor.lowerBound)
            }
        }
        return Quantity(value: read.value, unit: read.unit, inDigits: read.inDigits, needsCounterpart: read.needsCounterpart,
                        written: read.written, location: location)
    }

    /// The place of `written` as a whole word, at or after the last one found; from the start if
    /// it is not found after it.
    private mutating func find(_ written: String) -> SourceLocation? {
        let needle = Array(written.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        guard let offset = firstOffset(of: needle, from: cursor) ?? firstOffset(of: needle, from: 0) else { return nil }
        cursor = offset + needle.count
        return location(of: text.unicodeScalars.index(text.startIndex, offsetBy: offset))
    }

    private func firstOffset(of needle: [Unicode.Scalar], from start: Int) -> Int? {
        func isWord(_ offset: Int) -> Bool {
            offset >= 0 && offset < scalars.count && NumberReader.isWordScalar(scalars[offset])
        }
        guard scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        for offset in start...(scalars.count - needle.count)
        where scalars[offset] == needle[0] && !masked[offset] && !isWord(offset - 1) && !isWord(offset + needle.count) {
            if (0..<needle.count).allSatisfy({ scalars[offset + $0] == needle[$0] }) { return offset }
        }
        return nil
    }

    /// Columns count Unicode scalars, as libyaml's do; each line of a block scalar starts at the
    /// block's indentation, the first line's column.
    private mutating func location(of index: String.Index) -> SourceLocation {
        if index < counted.index { counted = (text.startIndex, 0, 0) }
        var (line, column) = (counted.line, counted.column)
        for scalar in text.unicodeScalars[counted.index..<index] {
            if scalar == "\n" {
                line += 1
                column = 0
            } else if scalar != "\r" {
                column += 1
            }
        }
        counted = (index, line, column)
        return SourceLocation(file: base.file, line: base.line + line, column: base.column + column)
    }
}
