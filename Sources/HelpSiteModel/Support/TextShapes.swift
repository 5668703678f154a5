import Foundation

/// Levenshtein distance, for "did you mean" suggestions on mistyped keys.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// A BCP 47 tag as sites use them: a 2–3 letter language, optional subtags (`nl`, `nl-BE`, `zh-Hant`).
package func isLanguageTag(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard let primary = parts.first, (2...3).contains(primary.count),
          primary.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
    return parts.dropFirst().allSatisfy { part in
        (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

/// A deliberately plain check: one @, a dotted domain, no spaces. The
/// cross-language check compares addresses; this only catches typing slips.
/// Read as UTF-8 bytes (Foundation's substring search and Character properties cost
/// tens of thousands of instructions an address); only text beyond ASCII asks which
/// characters are white space.
package func isEmailAddress(_ text: String) -> Bool {
    var text = text
    let shape = text.withUTF8 { bytes -> Bool? in
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let domain = bytes[(at + 1)...]
        guard !domain.contains(UInt8(ascii: "@")), domain.contains(UInt8(ascii: ".")),
              domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in domain {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            previous = byte
        }
        var ascii = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: " "), 0x09...0x0D: return false
            case 0x80...: ascii = false
            default: continue
            }
        }
        return ascii ? true : nil
    }
    return shape ?? !text.contains(where: \.isWhitespace)
}

/// An absolute http(s) address with a host.
package func isWebAddress(_ text: String) -> Bool {
    guard !text.contains(where: \.isWhitespace), let url = URLComponents(string: text),
          let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else { return false }
    return url.host?.contains(".") == true
}
