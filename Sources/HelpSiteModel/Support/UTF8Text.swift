import Foundation

/// UTF-8 as bytes: the order of texts by their bytes, and where a text file (which must be
/// UTF-8) is not, as a translator's editor counts.
package enum UTF8Text {
    /// Whether `a` comes before `b` in the order of their UTF-8 bytes: the order records list
    /// ids in and the search index its terms. Compared with `memcmp`: `<` on Strings compares
    /// Unicode characters, and `utf8.lexicographicallyPrecedes` goes a byte at a time.
    package static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    /// Whether the UTF-8 bytes of `text` start with those of `prefix` (compared with `memcmp`;
    /// `utf8.starts(with:)` goes a byte at a time through the generic sequence).
    package static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var text = text, prefix = prefix
        return text.withUTF8 { text in
            prefix.withUTF8 { prefix in
                prefix.isEmpty || (text.count >= prefix.count && memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
            }
        }
    }

    /// The first byte that is not part of valid UTF-8: its offset, and the line and column
    /// (from 1, counting characters) where an editor shows it.
    package struct InvalidByte: Equatable {
        package var offset: Int
        package var line: Int
        package var column: Int
        package var byte: UInt8
        /// `0xE9`
        package var hex: String { "0x" + String(byte, radix: 16, uppercase: true) }
    }

    /// nil when `data` is all valid UTF-8.
    package static func firstInvalidByte(in data: Data) -> InvalidByte? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                offset += scalar.count
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return InvalidByte(offset: offset, line: line, column: column, byte: data[data.startIndex + offset])
            case .emptyInput:
                return nil
            }
        }
    }
}

extension String {
    /// The text of `data`, or nil when it is not valid UTF-8 (`UTF8Text.firstInvalidByte` says where).
    package init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
