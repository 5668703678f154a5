extension String {
    /// Without white space (new lines included) at either end; Foundation's
    /// `trimmingCharacters` goes through NSString and is many times slower.
    package var trimmed: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        // A block of text starts with a visible character and ends with a line break: only its end
        // is trimmed, over the bytes, as far as a visible ASCII character (which ends a Character,
        // as only ASCII white space follows it).
        if let first = utf8.first, first > 0x20, first < 0x80 {
            var end = utf8.endIndex
            while end > utf8.startIndex, case let byte = utf8[utf8.index(before: end)], byte == 0x20 || (0x09...0x0D).contains(byte) {
                end = utf8.index(before: end)
            }
            if end > utf8.startIndex, case let last = utf8[utf8.index(before: end)], last > 0x20, last < 0x80 {
                return String(self[..<end])
            }
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...last])
    }
}
