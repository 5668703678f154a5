/// Character references: `&#39;`, `&#x27;`, `&amp;` and the named references
/// pages actually use. A name not in the table stays as written, which is what
/// browsers do with a name they do not know.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "euro": "€", "middot": "·", "bull": "•", "shy": "\u{AD}", "thinsp": "\u{2009}",
        "agrave": "à", "aacute": "á", "acirc": "â", "auml": "ä", "ccedil": "ç", "egrave": "è",
        "eacute": "é", "ecirc": "ê", "euml": "ë", "icirc": "î", "iuml": "ï", "ocirc": "ô",
        "ouml": "ö", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Eacute": "É", "Agrave": "À",
    ]
    /// Names browsers also accept without the `;`, for pages written before HTML5.
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]
    /// Numeric references 0x80–0x9F mean the Windows-1252 character, per the standard.
    static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    static func decode(_ slice: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&"), let (text, end) = reference(in: slice, at: index, inAttribute: inAttribute) else {
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: text.utf8)
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of the reference at `start` (an `&`) and where it ends, or nil to keep the `&`.
    private static func reference(in slice: UnsafeBufferPointer<UInt8>, at start: Int, inAttribute: Bool) -> (String, Int)? {
        var index = start + 1
        if index < slice.endIndex, slice[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < slice.endIndex, slice[index] | 0x20 == UInt8(ascii: "x") { hex = true; index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < slice.endIndex, let digit = digitValue(slice[index], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < slice.endIndex, slice[index] == UInt8(ascii: ";") { index += 1 }
            return (String(scalar(value)), index)
        }
        while index < slice.endIndex, isAlphanumeric(slice[index]) { index += 1 }
        let name = String(decoding: slice[(start + 1)..<index], as: UTF8.self)
        if index < slice.endIndex, slice[index] == UInt8(ascii: ";"), let text = named[name] {
            return (text, index + 1)
        }
        // Without `;`, an attribute keeps `&name=` as written: it is a query string.
        if legacy.contains(name), !(inAttribute && index < slice.endIndex && slice[index] == UInt8(ascii: "=")) {
            return (named[name]!, index)
        }
        return nil
    }

    private static func scalar(_ value: UInt32) -> Character {
        if let mapped = windows1252[value] { return Character(Unicode.Scalar(mapped)!) }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return Character(scalar)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        HTMLTokenizer.isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
