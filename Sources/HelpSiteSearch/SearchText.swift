import Foundation
import HelpSiteModel

/// How text is cut into what the index holds, the same way the browser's `search.js` cuts
/// a query: words, folded words, phone numbers as national digits, e-mail addresses. Each
/// rule here has its twin in `templates/static/search/search.js`; the two must agree.
package enum SearchText {
    /// Lower case, `œ` → `oe`, `æ` → `ae`, `ß` → `ss`, accents and other combining marks
    /// removed: `Financiële` → `financiele`. As `fold` in search.js (`toLowerCase`, the three
    /// ligatures, NFD, `\p{M}` removed). The Latin letters up to U+024F are folded from a
    /// table (Foundation's decomposition costs 0.4 ms on first use, a tenth of the shipped
    /// site's index); a word with a letter beyond them is decomposed by Foundation.
    package static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        let lowered = text.lowercased()
        var folded = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case ..<0x80: folded.append(scalar)
            case 0x153: folded.append(contentsOf: "oe".unicodeScalars)
            case 0xE6: folded.append(contentsOf: "ae".unicodeScalars)
            case 0xDF: folded.append(contentsOf: "ss".unicodeScalars)
            case let value where value < 0x250:
                if let base = latinBase[value] { folded.append(base) } else if !isMark(scalar) { folded.append(scalar) }
            default:
                if isMark(scalar) { continue }
                return decomposedFold(lowered)
            }
        }
        return String(folded)
    }

    /// The fold of a lower-case text through Foundation's canonical decomposition.
    static func decomposedFold(_ lowered: String) -> String {
        var spelt = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x153: spelt.append(contentsOf: "oe".unicodeScalars)
            case 0xE6: spelt.append(contentsOf: "ae".unicodeScalars)
            case 0xDF: spelt.append(contentsOf: "ss".unicodeScalars)
            default: spelt.append(scalar)
            }
        }
        var folded = String.UnicodeScalarView()
        for scalar in String(spelt).decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
            folded.append(scalar)
        }
        return String(folded)
    }

    /// Each lower-case letter of U+00C0–U+024F that decomposes, with its letter without marks
    /// (NFD, marks removed): `é` → `e`, `ǣ` → `æ`. `SearchTextTests` holds it equal to
    /// Foundation's decomposition.
    static let latinBase: [UInt32: Unicode.Scalar] = {
        let pairs = Array("àaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoùuúuûuüuýyÿyāaăaąaćcĉcċcčcďdēeĕeėeęeěeĝgğgġgģgĥhĩiīiĭiįiĵjķkĺlļlľlńnņnňnōoŏoőoŕrŗrřrśsŝsşsšsţtťtũuūuŭuůuűuųuŵwŷyźzżzžzơoưuǎaǐiǒoǔuǖuǘuǚuǜuǟaǡaǣæǧgǩkǫoǭoǯʒǰjǵgǹnǻaǽæǿøȁaȃaȅeȇeȉiȋiȍoȏoȑrȓrȕuȗușsțtȟhȧaȩeȫoȭoȯoȱoȳy".unicodeScalars)
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: pairs.count, by: 2).map { (pairs[$0].value, pairs[$0 + 1]) })
    }()

    /// `A-Z` → `a-z` over the bytes: most words are ASCII, and `lowercased()` looks up every
    /// character's case mapping.
    package static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The words of a text: runs of letters and digits (`[\p{L}\p{N}]+` in search.js).
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of `text`, in order.
    package static func forEachWord(in text: String, _ body: (String) -> Void) {
        forEachWordBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text`, in order. Walks the bytes: a
    /// byte below 0x80 is a letter, a digit or a separator by itself; only the other
    /// characters are decoded and looked up.
    static func forEachWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isWord: Bool
                var length = 1
                if byte < 0x80 {
                    isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                } else {
                    length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
                    for next in 1..<length where index + next < bytes.count { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
                    isWord = Unicode.Scalar(value).map(isWordScalar) ?? false
                }
                if isWord {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    start = -1
                }
                index += length
            }
            if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }

    /// Whether a word is ASCII digits only: indexed as it is, never stemmed (`1130`, `02`).
    package static func isNumber(_ word: some StringProtocol) -> Bool {
        word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    // MARK: Facts

    /// A phone number as a visitor types it at home: national digits for a number of the
    /// site's region (`+3223707711` → `023707711`), `00` and the country code for any other.
    /// - Parameter e164: the number's E.164 form, as `Channel.Value.phone` holds it.
    package static func nationalDigits(e164: String, callingCode: String) -> String {
        let digits = e164.hasPrefix("+") ? String(e164.dropFirst()) : e164
        guard digits.hasPrefix(callingCode) else { return "00" + digits }
        return "0" + digits.dropFirst(callingCode.count)
    }

    /// The phone numbers written in running text, as national digits: each stretch that
    /// search.js would take for a number (`(?:\+|00)?\d[\d\s./()-]{4,}\d`) and that reads as
    /// a valid number of the region (`PhoneNumber.e164`).
    package static func phoneNumbers(in text: String, region: String) -> [String] {
        guard let callingCode = PhoneNumber.callingCodes[region] else { return [] }
        let bytes = Array(text.utf8)
        guard bytes.contains(where: isDigit) else { return [] }
        // The length of the separator at `index` (a space, a no-break space, `./()-`), 0 if none.
        func separator(at index: Int) -> Int {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "."), UInt8(ascii: "/"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"):
                return 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
                return 2
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF:
                return 3
            default:
                return 0
            }
        }
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) || (bytes[index] == UInt8(ascii: "+") && index + 1 < bytes.count && isDigit(bytes[index + 1])) else {
                index += 1
                continue
            }
            var end = index + 1, last = index, digits = 0
            while end < bytes.count {
                if isDigit(bytes[end]) {
                    last = end
                    digits += 1
                    end += 1
                } else if case let width = separator(at: end), width > 0 {
                    end += width
                } else {
                    break
                }
            }
            if digits >= 5, case .success(let e164) = PhoneNumber.e164(String(decoding: bytes[index...last], as: UTF8.self), region: region) {
                found.append(nationalDigits(e164: e164, callingCode: callingCode))
            }
            index = end
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// The e-mail addresses written in a text, in lower case (`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`
    /// in search.js).
    package static func emailAddresses(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "@")) else { return [] }
        func local(_ byte: UInt8) -> Bool { domain(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") }
        func domain(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        var found: [String] = []
        var consumed = 0
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") && at >= consumed {
            var start = at
            while start > consumed, local(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count, domain(bytes[end]) { end += 1 }
            guard start < at, end > at + 1 else { continue }
            var dots = 0
            while end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), domain(bytes[end + 1]) {
                end += 1
                while end < bytes.count, domain(bytes[end]) { end += 1 }
                dots += 1
            }
            guard dots > 0 else { continue }
            found.append(asciiLowercased(String(decoding: bytes[start..<end], as: UTF8.self)))
            consumed = end
        }
        return found
    }
}
