/// What one pass over a text's UTF-8 bytes tells the prose check before it parses anything:
/// which kinds of address the text may hold, whether it has Markdown markup, and whether the
/// texts cmark-gfm gives of it are stretches of it as written.
struct TextHints {
    /// An `@`.
    var email = false
    /// A `www.` or `://`.
    var url = false
    /// Eight digits close together (a phone number's least): only spaces, dots, dashes,
    /// brackets, slashes, a plus or an `@` between them.
    var phone = false
    /// A `]` or `<`, which may close a Markdown link.
    var link = false
    /// A lower-case letter after a dot after a letter or a digit: `x.be`.
    var domain = false
    /// Emphasis, links, code, HTML, escapes, entities, tables, or a numbered list (a digit opening a line).
    var markup = false
    /// Without an entity (`&euro;`), an escape (`\.`) or a code span (whose line breaks become
    /// spaces), each text cmark-gfm gives of the Markdown is a stretch of its bytes, and can
    /// have no hint the whole lacks.
    var verbatim = true

    /// Whether any kind of address may be written in the text.
    var addresses: Bool { email || url || phone || domain }

    init(_ text: String) {
        var text = text
        // Over the string's own UTF-8 buffer: iterating `utf8` costs several times more.
        text.withUTF8 { read($0) }
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var digits = 0
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var lineStart = true
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
        var index = 0
        while index < bytes.count {
            // Most of a text is lower-case letters and spaces: eight bytes of those at once
            // change nothing but a domain's first letter, a run of digits and the line's start.
            if index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if let letters = Self.lettersAndSpaces(word) {
                    if letters != 0 {
                        let first = letters.trailingZeroBitCount / 8
                        if first == 0, previous.2 == UInt8(ascii: "."), Self.isAlphanumeric(previous.1) { domain = true }
                        digits = 0
                        lineStart = false
                    }
                    previous = (UInt8(truncatingIfNeeded: word >> 40), UInt8(truncatingIfNeeded: word >> 48),
                                UInt8(truncatingIfNeeded: word >> 56))
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                if previous.2 == UInt8(ascii: "."), Self.isAlphanumeric(previous.1) { domain = true }
                digits = 0
                lineStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if lineStart { markup = true }
                digits += 1
                if digits >= 8 { phone = true }
                lineStart = false
            case UInt8(ascii: " "): break
            case UInt8(ascii: "@"):
                email = true
                lineStart = false
            case UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"):
                lineStart = false
            case UInt8(ascii: "."):
                if previous == (UInt8(ascii: "w"), UInt8(ascii: "w"), UInt8(ascii: "w")) { url = true }
                lineStart = false
            case UInt8(ascii: "/"):
                if previous.1 == UInt8(ascii: ":"), previous.2 == UInt8(ascii: "/") { url = true }
                lineStart = false
            case UInt8(ascii: "]"), UInt8(ascii: "<"):
                link = true
                markup = true
                digits = 0
                lineStart = false
            case UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "`"):
                markup = true
                verbatim = false
                digits = 0
                lineStart = false
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                markup = true
                digits = 0
                lineStart = false
            case UInt8(ascii: "\n"):
                digits = 0
                lineStart = true
            case UInt8(ascii: "\t"):
                digits = 0
            default:
                digits = 0
                lineStart = false
            }
            previous = (previous.1, previous.2, byte)
        }
    }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// For eight bytes that are all lower-case ASCII letters or spaces, the high bit of each
    /// letter's byte (0 for eight spaces); nil for any other byte.
    @inline(__always)
    private static func lettersAndSpaces(_ word: UInt64) -> UInt64? {
        guard word & highs == 0 else { return nil }
        // Below 0x80, adding 0x1F sets the high bit from `a` up, adding 0x05 from past `z`; no carry crosses a byte.
        let letters = (word &+ 0x1F &* ones) & ~(word &+ 0x05 &* ones) & highs
        let spaced = word ^ (0x20 &* ones)
        let spaces = ~(((spaced & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | spaced) & highs
        return letters | spaces == highs ? letters : nil
    }
}
