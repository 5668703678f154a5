import Foundation

/// Text files must be UTF-8; this says where one is not, as a translator's editor counts.
package enum UTF8Text {
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
