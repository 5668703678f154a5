/// The number reader's view of a text: words, numbers in digits, `€` and `%`, spaces and the rest.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case space
        /// Lowercased.
        case word(String)
        /// A number in digits, in its plain form (`1000`, `2.5`).
        case digits(String)
        /// `€` or `%`.
        case symbol(Character)
        /// Digits mixed with letters (`B2C`, `9h30`), a time (`09:00`), an address: never a number.
        case ignored
        case other(Character)

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
    var range: Range<String.Index>
}

extension NumberReader {
    /// Joins texts that cmark-gfm gives in pieces (`**5** werkdagen` is `5`, ` werkdagen`): a
    /// space at either side joins them as written; else they come from two blocks (or a word
    /// split by emphasis) and `boundary` keeps a number of one from taking a unit of the other.
    static let boundary: Unicode.Scalar = "\u{E000}"

    /// Over the text's Unicode scalars: walking Characters costs several times more, and no
    /// number, unit or address needs grapheme clusters.
    static func tokens(_ text: String, masked: [Range<String.Index>], words: NumberWords) -> [Token] {
        let scalars = text.unicodeScalars
        let characters = Array(scalars)
        var indices = Array(scalars.indices)
        indices.append(scalars.endIndex)
        var maskedOffsets: [(Int, Int)] = masked.map { (scalars.distance(from: scalars.startIndex, to: $0.lowerBound),
                                                         scalars.distance(from: scalars.startIndex, to: $0.upperBound)) }
        maskedOffsets.sort { $0.0 < $1.0 }
        var tokens: [Token] = []
        var position = 0
        var nextMask = 0
        /// Where the next masked range starts: no word or number runs into it.
        var limit = characters.count
        func isDigit(_ offset: Int) -> Bool {
            offset < limit && characters[offset].value >= 0x30 && characters[offset].value <= 0x39
        }
        func isWordCharacter(_ offset: Int) -> Bool {
            offset < limit && isWordScalar(characters[offset])
        }
        func isSpace(_ offset: Int) -> Bool {
            offset < limit && characters[offset] != boundary && characters[offset].properties.isWhitespace
        }
        while position < characters.count {
            let start = position
            let character = characters[position]
            let kind: Token.Kind
            while nextMask < maskedOffsets.count, maskedOffsets[nextMask].1 <= position { nextMask += 1 }
            limit = nextMask < maskedOffsets.count ? maskedOffsets[nextMask].0 : characters.count
            if nextMask < maskedOffsets.count, maskedOffsets[nextMask].0 <= position {
                position = maskedOffsets[nextMask].1
                kind = .ignored
            } else if character == boundary {
                position += 1
                kind = .other(Character(character))
            } else if isSpace(position) {
                while isSpace(position) { position += 1 }
                kind = .space
            } else if isDigit(position) {
                var whole = ""
                while isDigit(position) { whole.unicodeScalars.append(characters[position]); position += 1 }
                let leading = whole.count
                // Groups of three: `1.000`, `1 000`, `1,000`, as the language writes them;
                // `2024 100` (a first group of more than three) is two numbers.
                while position < limit, words.grouping.contains(characters[position]),
                      isDigit(position + 1), isDigit(position + 2), isDigit(position + 3), !isDigit(position + 4),
                      leading <= 3 || !characters[position].properties.isWhitespace {
                    whole += String(String.UnicodeScalarView(characters[(position + 1)...(position + 3)]))
                    position += 4
                }
                var fraction = ""
                if position < limit, characters[position] == "." || characters[position] == ",", isDigit(position + 1) {
                    position += 1
                    while isDigit(position) { fraction.unicodeScalars.append(characters[position]); position += 1 }
                }
                func continuesAsWordOrTime() -> Bool {
                    isWordCharacter(position) || (position < limit && characters[position] == ":" && isDigit(position + 1))
                }
                if continuesAsWordOrTime() {
                    // `9h30`, `5km`, `09:00`: a word or a time, not a number.
                    while continuesAsWordOrTime() {
                        position += 1
                    }
                    kind = .ignored
                } else {
                    kind = .digits(plain(whole, fraction))
                }
            } else if isWordCharacter(position) {
                var hasDigit = false
                while isWordCharacter(position) {
                    if isDigit(position) { hasDigit = true }
                    position += 1
                }
                kind = hasDigit ? .ignored : .word(String(String.UnicodeScalarView(characters[start..<position])).lowercased())
            } else if character == "€" || character == "%" {
                position += 1
                kind = .symbol(Character(character))
            } else {
                position += 1
                kind = .other(Character(character))
            }
            tokens.append(Token(kind: kind, range: indices[start]..<indices[position]))
        }
        return tokens
    }

    /// A letter, a digit, or an accent written apart from its letter (`e` and U+0301 for `é`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// `007`, `50` → `7`, `5`; the fraction without trailing zeros: `5,00` → `5`, `2,50` → `2.5`.
    private static func plain(_ whole: String, _ fraction: String) -> String {
        let integer = whole.drop { $0 == "0" }
        let decimals = fraction.reversed().drop { $0 == "0" }.reversed()
        return (integer.isEmpty ? "0" : String(integer)) + (decimals.isEmpty ? "" : "." + String(decimals))
    }
}
