import Foundation

/// The text of HelpSite's records between runs, the build's (`BuildManifest`) and the
/// check's (`CheckRecord`): a header line naming the record and its version, one line per
/// entry of tab-separated fields, and an `end` line, so that a record cut short is never
/// read. Read and written by hand: tens of thousands of lines every build, which
/// JSONDecoder and JSONEncoder took most of a one-page rebuild to do
/// (docs/decisions/0005-hand-written-records.md).
///
/// Text fields escape `\`, tab, line feed and carriage return with a backslash.
package enum RecordText {
    /// Builds a record's bytes a field at a time: tens of thousands of lines every build,
    /// each field appended as it is made, with no array of fields or string per line.
    package struct Writer {
        /// The record so far is `bytes[..<count]`, zeros after it to be written over: the array
        /// grows by doubling alone, and an append is a copy into it (`append(contentsOf:)` was a
        /// third of writing the build record).
        private var bytes = [UInt8](repeating: 0, count: 1 << 16), count = 0, opened = false

        package init(header: String) {
            append(header)
            append(UInt8(ascii: "\n"))
        }

        private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
            guard let start = source.baseAddress else { return }
            if count + source.count > bytes.count { bytes += repeatElement(0, count: max(bytes.count, source.count)) }
            bytes.withUnsafeMutableBufferPointer { [count] in ($0.baseAddress! + count).update(from: start, count: source.count) }
            count += source.count
        }

        private mutating func append(_ byte: UInt8) {
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            bytes[count] = byte
            count += 1
        }

        /// The string's own bytes (every native String has them).
        private mutating func append(_ text: String) {
            if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { Array(text.utf8).withUnsafeBufferPointer { append($0) } }
        }

        /// A whole line of fields written as given: escape text fields with `RecordText.escape`.
        package mutating func line(_ fields: [String]) {
            for field in fields { raw(field) }
            endLine()
        }

        /// A field written as given: a word of the record's own, a fingerprint.
        package mutating func raw(_ field: String) {
            separate()
            append(field)
        }

        /// A text field, escaped (`RecordText.escape`, which most fields need not: they are looked
        /// over in the string's own bytes, then appended at once).
        package mutating func text(_ field: String) {
            separate()
            let plain = field.utf8.withContiguousStorageIfAvailable { utf8 in
                guard !RecordText.hasEscaped(utf8) else { return false }
                append(utf8)
                return true
            }
            if plain != true { append(RecordText.escape(field)) }
        }

        /// A number field in decimal, as `String(_:)` writes it.
        package mutating func number(_ value: Int64) { digits(value.magnitude, radix: 10, negative: value < 0) }
        package mutating func number(_ value: Int) { number(Int64(value)) }

        /// A number field, in decimal or (`radix: 16`) lowercase hexadecimal, as `String(_:radix:)` writes it.
        package mutating func number(_ value: UInt64, radix: UInt64 = 10) { digits(value, radix: radix, negative: false) }

        /// The field's tab, sign and digits, made from the last digit up in a buffer on the stack,
        /// then appended at once: a byte appended per digit, then reversed, was 3 % of a one-page
        /// rebuild of 1,000 pages.
        private mutating func digits(_ value: UInt64, radix: UInt64, negative: Bool) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 66) { buffer in
                var value = value, start = buffer.count
                func put(_ digit: UInt64) {
                    start -= 1
                    buffer[start] = digit < 10 ? UInt8(ascii: "0") + UInt8(digit) : UInt8(ascii: "a") + UInt8(digit) - 10
                }
                // The two radixes the records use divide by a constant, not by `radix`.
                switch radix {
                case 10:
                    // Two digits a division: a time in nanoseconds has 19.
                    while value >= 100 { let pair = value % 100; value /= 100; put(pair % 10); put(pair / 10) }
                    repeat { put(value % 10); value /= 10 } while value > 0
                case 16:
                    repeat { put(value & 15); value >>= 4 } while value > 0
                default:
                    repeat { put(value % radix); value /= radix } while value > 0
                }
                if negative { start -= 1; buffer[start] = UInt8(ascii: "-") }
                if opened { start -= 1; buffer[start] = UInt8(ascii: "\t") }
                append(UnsafeBufferPointer(rebasing: buffer[start...]))
            }
            opened = true
        }

        package mutating func endLine() {
            append(UInt8(ascii: "\n"))
            opened = false
        }

        private mutating func separate() {
            if opened { append(UInt8(ascii: "\t")) }
            opened = true
        }

        /// The lines so far, without the end line.
        package var text: String { String(decoding: bytes[..<count], as: UTF8.self) }

        /// The record as its file holds it, with its end line.
        package var finished: Data {
            var data = Data(capacity: count + 4)
            bytes.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(rebasing: $0[..<count])) }
            data.append(contentsOf: "end\n".utf8)
            return data
        }
    }

    /// Each line between the header and the end line, as its bytes (its fields: `Fields`), until
    /// `body` returns false; nil for a record of another header (version) or one that does not end.
    package static func forEachLine(of data: Data, header: String, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool? {
        data.withUnsafeBytes { bytes -> Bool? in
            // The header's line, the lines, then `end` alone on the last line.
            let first = Array((header + "\n").utf8), count = bytes.count
            guard count >= first.count + 4, bytes.starts(with: first), bytes[count - 5] == UInt8(ascii: "\n"),
                  bytes[(count - 4)...].elementsEqual("end\n".utf8) else { return nil }
            var start = first.count
            let stop = count - 4 // where the end line starts; the byte before it ends the last line
            while start < stop {
                let found = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), stop - start)!
                let newline = UnsafeRawPointer(found) - bytes.baseAddress!
                if !body(UnsafeRawBufferPointer(rebasing: bytes[start..<newline])) { return false }
                start = newline + 1
            }
            return true
        }
    }

    /// A line's fields one at a time, as its bytes (from `forEachLine`): no array of fields, and
    /// a String made only of a text field.
    package struct Fields {
        private let line: UnsafeRawBufferPointer
        private var start = 0
        /// Whether every field has been taken: a line of one more field than its reader takes is not read.
        package private(set) var isAtEnd = false

        package init(_ line: UnsafeRawBufferPointer) { self.line = line }

        /// The next field's bytes; nil past the last field.
        package mutating func next() -> UnsafeRawBufferPointer? {
            guard !isAtEnd else { return nil }
            // memchr: a byte at a time was a third of reading the build record.
            let tab = line.count == start ? nil : memchr(line.baseAddress! + start, Int32(UInt8(ascii: "\t")), line.count - start)
            let end = tab.map { UnsafeRawPointer($0) - line.baseAddress! } ?? line.count
            let field = UnsafeRawBufferPointer(rebasing: line[start..<end])
            if end == line.count { isAtEnd = true } else { start = end + 1 }
            return field
        }

        /// The next field as a text field or a number (`RecordText.text`, `integer`, `unsigned`).
        package mutating func text() -> String? { next().map(RecordText.text) }
        package mutating func integer() -> Int64? { next().flatMap(RecordText.integer) }
        package mutating func unsigned(radix: UInt64 = 10) -> UInt64? { next().flatMap { RecordText.unsigned($0, radix: radix) } }
    }

    /// A number field, as `Int64(_:)` reads it; nil if it is none.
    package static func integer(_ field: UnsafeRawBufferPointer) -> Int64? {
        guard let (negative, magnitude) = magnitude(field, radix: 10) else { return nil }
        if negative { return magnitude <= UInt64(1) << 63 ? Int64(bitPattern: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// A number field, as `UInt64(_:radix:)` reads it (`-0` included); nil if it is none.
    package static func unsigned(_ field: UnsafeRawBufferPointer, radix: UInt64 = 10) -> UInt64? {
        guard let (negative, magnitude) = magnitude(field, radix: radix), !negative || magnitude == 0 else { return nil }
        return magnitude
    }

    /// A text field from its bytes, unescaped only if it has a backslash; the same String as
    /// `unescape` of the field in the whole record's text (a tab or line feed is never part of
    /// another character in UTF-8, so the field decodes alone as it does within the record).
    package static func text(_ field: UnsafeRawBufferPointer) -> String {
        let string = String(decoding: field, as: UTF8.self)
        let escaped = !field.isEmpty && memchr(field.baseAddress!, Int32(UInt8(ascii: "\\")), field.count) != nil
        return escaped ? unescape(Substring(string)) : string
    }

    /// An optional sign and one or more digits (10 or 16, either case), as `init?(_:radix:)` of
    /// the integer types reads them; nil for anything else or a magnitude beyond 64 bits.
    static func magnitude(_ field: UnsafeRawBufferPointer, radix: UInt64) -> (negative: Bool, UInt64)? {
        var index = 0, negative = false
        if let sign = field.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        guard index < field.count else { return nil }
        // Fewer digits than overflow 64 bits are not checked one by one (a time in nanoseconds has 19).
        let unchecked = field.count - index <= (radix == 10 ? 19 : radix == 16 ? 16 : 0)
        var value: UInt64 = 0
        while index < field.count {
            let byte = field[index], lower = byte | 0x20 // A–Z to a–z, and no other byte into a–z
            var digit = UInt64(byte &- UInt8(ascii: "0"))
            if digit >= 10 { digit = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) ? UInt64(lower - UInt8(ascii: "a")) + 10 : .max }
            guard digit < radix else { return nil }
            if unchecked {
                value = value &* radix &+ digit
            } else {
                let (shifted, over) = value.multipliedReportingOverflow(by: radix)
                let (sum, carry) = shifted.addingReportingOverflow(digit)
                guard !over, !carry else { return nil }
                value = sum
            }
            index += 1
        }
        return (negative, value)
    }

    /// Replaces the record at `path` whole: a temporary file of this writer's own (threads of
    /// one process included) renamed over it, so that a reader never sees half and the last of
    /// two writers wins. Not flushed: a lost record costs one full run.
    /// - Parameter onlyIfChanged: leave the file alone when it already holds `text`.
    package static func write(_ data: Data, to path: String, onlyIfChanged: Bool = false) throws {
        if onlyIfChanged, FileManager.default.contents(atPath: path) == data { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try SystemFile.write(data, to: temporary)
            guard rename(temporary, path) == 0 else { throw SystemFile.Failure.last }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Whether any byte is `isEscaped`, looked for eight bytes at a time (a byte below 14 or a
    /// backslash, then each such byte): a byte at a time was two thirds of writing a text field.
    static func hasEscaped(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones << 7
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self), slashes = word ^ (ones &* 0x5C)
            if ((word &- ones &* 14) | (slashes &- ones)) & ~word & highs != 0 { break }
            index += 8
        }
        return utf8[index...].contains(where: isEscaped)
    }

    static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isEscaped) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    package static func unescape(_ text: Substring) -> String {
        // Over the contiguous bytes: `utf8.contains` on a Substring went a byte at a time through
        // its generic index.
        let escaped = text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\\")) } ?? text.utf8.contains(UInt8(ascii: "\\"))
        guard escaped else { return String(text) }
        var result = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
