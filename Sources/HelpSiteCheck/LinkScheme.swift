/// The start of a link destination as the scheme tests of `ProseFacts` read it: in lower case,
/// without white space (`MailTo: x@y.be` is an e-mail link).
enum LinkScheme {
    /// The longest scheme tested, `javascript:`, and one character more: that character being
    /// ASCII, nothing can join the last character of a scheme (a combining accent would).
    private static let length = "javascript:".utf8.count + 1

    /// `destination.lowercased().filter { !$0.isWhitespace }` as far as `length` characters. Over the
    /// bytes while they are ASCII, which link destinations are: `isWhitespace` costs a Unicode
    /// property look-up per character, and was a tenth of the check of a site's prose.
    static func prefix(of destination: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for byte in destination.utf8 {
            // Beyond ASCII, a letter may lower-case to ASCII (`K`, the Kelvin sign) or an accent join the
            // character before it: the whole destination the Unicode way.
            guard byte < 0x80 else { return destination.lowercased().filter { !$0.isWhitespace } }
            // ASCII's white space as Unicode counts it: tab, line feed, vertical tab, form feed, carriage return, space.
            if (0x09...0x0D).contains(byte) || byte == 0x20 { continue }
            bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            if bytes.count == length { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
