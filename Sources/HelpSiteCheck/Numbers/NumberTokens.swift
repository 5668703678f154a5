/// The number reader's view of a text: words, numbers in digits, `€` and `%`, spaces and the rest.
/// Ranges are offsets in the text's Unicode scalars.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case space
        /// Lowercased; empty for a word too long to be a number word or a unit.
        case word(String)
        /// A number in digits, in its plain form (`1000`, `2.5`).
        case digits(String)
        /// `€` or `%`.
        case symbol(Unicode.Scalar)
        /// Digits mixed with letters (`B2C`, `9h30`, `1er`), a time (`09:00`), an address: never a number.
        case ignored
        case other(Unicode.Scalar)

        /// What a unit phrase is compared with.
        var text: String? {
            switch self {
            case .word(let word): word
            case .symbol(let symbol): String(symbol)
            default: nil
            }
        }
    }

    var kind: Kind
    var range: Range<Int>
}

extension NumberReader {
    /// Joins texts that cmark-gfm gives in pieces (`**5** werkdagen` is `5`, ` werkdagen`): a
    /// space at either side joins them as written; else they come from two blocks (or a word
    /// split by emphasis) and `boundary` keeps a number of one from taking a unit of the other.
    static let boundary: Unicode.Scalar = "\u{E000}"
    /// The longest word the tables hold (`kalenderdagen`); a longer word is no number and no unit.
    static let longestWord = 13

    /// Over the text's Unicode scalars: walking Characters costs several times more, and no
    /// number, unit or address needs grapheme clusters. Only `window` is read, and `masked` (sorted)
    /// never.
    static func tokens(_ characters: [Unicode.Scalar], in window: Range<Int>, masked: [Range<Int>], words: NumberWords,
                       keys: WordKeys) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(window.count / 3)
        var position = window.lowerBound
        var nextMask = 0
        /// Where the next masked range starts: no word or number runs into it.
        var limit = window.upperBound
        func isDigit(_ offset: Int) -> Bool {
            offset < limit && characters[offset].value >= 0x30 && characters[offset].value <= 0x39
        }
        func isWordCharacter(_ offset: Int) -> Bool {
            offset < limit && isWordScalar(characters[offset])
        }
        func isSpace(_ offset: Int) -> Bool {
            offset < limit && isSpaceScalar(characters[offset])
        }
        while position < window.upperBound {
            let start = position
            let character = characters[position]
            let kind: Token.Kind
            while nextMask < masked.count, masked[nextMask].upperBound <= position { nextMask += 1 }
            limit = nextMask < masked.count ? min(masked[nextMask].lowerBound, window.upperBound) : window.upperBound
            if nextMask < masked.count, masked[nextMask].lowerBound <= position {
                position = masked[nextMask].upperBound
                kind = .ignored
            } else if isSpace(position) {
                while isSpace(position) { position += 1 }
                kind = .space
            } else if isDigit(position) {
                var whole = String.UnicodeScalarView()
                while isDigit(position) { whole.append(characters[position]); position += 1 }
                let leading = whole.count
                // Groups of three: `1.000`, `1 000`, `1,000`, as the language writes them;
                // `2024 100` (a first group of more than three) is two numbers.
                while position < limit, words.grouping.contains(characters[position]),
                      isDigit(position + 1), isDigit(position + 2), isDigit(position + 3), !isDigit(position + 4),
                      leading <= 3 || !isSpaceScalar(characters[position]) {
                    whole.append(contentsOf: characters[(position + 1)...(position + 3)])
                    position += 4
                }
                var fraction = String.UnicodeScalarView()
                if position < limit, characters[position] == "." || characters[position] == ",", isDigit(position + 1) {
                    position += 1
                    while isDigit(position) { fraction.append(characters[position]); position += 1 }
                }
                func continuesAsWordOrTime() -> Bool {
                    isWordCharacter(position) || (position < limit && characters[position] == ":" && isDigit(position + 1))
                }
                if continuesAsWordOrTime() {
                    // `9h30`, `5km`, `09:00`: a word or a time, not a number.
                    while continuesAsWordOrTime() { position += 1 }
                    kind = .ignored
                } else {
                    kind = .digits(plain(String(whole), String(fraction)))
                }
            } else if isWordCharacter(position) {
                var hasDigit = false
                while isWordCharacter(position) {
                    if isDigit(position) { hasDigit = true }
                    position += 1
                }
                kind = hasDigit ? .ignored : .word(tableWord(characters[start..<position], keys))
            } else if character == "€" || character == "%" {
                position += 1
                kind = .symbol(character)
            } else {
                position += 1
                kind = .other(character)
            }
            tokens.append(Token(kind: kind, range: start..<position))
        }
        return tokens
    }

    /// A letter, a digit, or an accent written apart from its letter (`e` and U+0301 for `é`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        // Latin-1, which French and Dutch accents are, without the cost of a property look-up:
        // `ª µ º`, `² ³ ¹ ¼ ½ ¾` (numeric), and the letters `À`…`ÿ` but `×` and `÷`.
        if scalar.value <= 0xFF {
            let value = scalar.value
            switch value {
            case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return true
            case 0xD7, 0xF7: return false
            default: return value >= 0xC0
            }
        }
        // General punctuation (U+2000…U+206F: the typographic apostrophe and quotes, dashes, spaces)
        // and the private use area (`boundary`, between every two pieces of cmark-gfm's text) hold
        // no letter, digit or accent (tested against the properties).
        if Self.generalPunctuation.contains(scalar.value) || Self.privateUse.contains(scalar.value) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    static let generalPunctuation: ClosedRange<UInt32> = 0x2000...0x206F
    static let privateUse: ClosedRange<UInt32> = 0xE000...0xF8FF

    static func isSpaceScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        if scalar.value <= 0xFF { return scalar.value == 0x85 || scalar.value == 0xA0 }
        // The spaces of general punctuation, without a property look-up (tested against the properties).
        if Self.generalPunctuation.contains(scalar.value) {
            return scalar.value <= 0x200A || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x202F
                || scalar.value == 0x205F
        }
        return scalar != boundary && scalar.properties.isWhitespace
    }

    /// The word in lower case, if it may be a word of the tables; else "".
    private static func tableWord(_ scalars: ArraySlice<Unicode.Scalar>, _ keys: WordKeys) -> String {
        guard scalars.count <= longestWord else { return "" }
        if let key = key(scalars), !keys.contains(key) { return "" }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    /// A word's length and its first seven letters in lower case, packed; `nil` for a word with a
    /// letter beyond Latin-1 (`œ`, an accent written apart). Words that share a key are told apart
    /// by the tables themselves.
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64? {
        var key = UInt64(scalars.count) << 56
        for (offset, scalar) in scalars.enumerated() where offset < 7 {
            var value = scalar.value
            guard value <= 0xFF else { return nil }
            if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
            key |= UInt64(value) << (8 * UInt64(offset))
        }
        return key
    }

    /// `007`, `50` → `7`, `5`; the fraction without trailing zeros: `5,00` → `5`, `2,50` → `2.5`.
    private static func plain(_ whole: String, _ fraction: String) -> String {
        let integer = whole.drop { $0 == "0" }
        let decimals = fraction.reversed().drop { $0 == "0" }.reversed()
        return (integer.isEmpty ? "0" : String(integer)) + (decimals.isEmpty ? "" : "." + String(decimals))
    }
}

/// The keys of a table's words (`NumberReader.key`): one bit per key first, which most words of a
/// text miss, and the set itself only on a hit.
struct WordKeys: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)
    private let keys: Set<UInt64>

    init(_ keys: [UInt64]) {
        self.keys = Set(keys)
        for key in keys {
            let slot = Self.slot(key)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let slot = Self.slot(key)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 && keys.contains(key)
    }

    /// One of 4,096 bits, from the key's bits mixed (Fibonacci hashing).
    private static func slot(_ key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }
}
