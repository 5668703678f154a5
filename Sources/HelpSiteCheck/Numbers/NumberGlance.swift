extension NumberReader {
    /// Most prose holds no figure, no `€` or `%`, no number word and no unit: then the only numbers
    /// it can hold are words for one without a unit (`een klacht`), which need no counterpart. Those
    /// are counted here, in one pass over the text that makes nothing; `nil` means the text must be
    /// read in full.
    func wordsForOne(in text: String) -> Int? {
        var ones = 0
        var length = 0
        var key: UInt64 = 0
        var packed = true
        /// Whether the word just ended means the text must be read.
        func endOfWord() -> Bool {
            defer { (length, key, packed) = (0, 0, true) }
            guard length > 0, length <= Self.longestWord else { return false }
            guard packed else { return true }
            let full = key | UInt64(length) << 56
            if glanceKeys.triggers.contains(full) { return true }
            if glanceKeys.ones.contains(full) { ones += 1 }
            return false
        }
        for scalar in text.unicodeScalars {
            if (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "€" || scalar == "%" { return nil }
            let isLetter = scalar.isASCII ? ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A) : Self.isWordScalar(scalar)
            if isLetter {
                // As `NumberReader.key` packs a word: the first seven letters, in lower case.
                if length < 7 {
                    var value = scalar.value
                    if value > 0xFF {
                        packed = false
                    } else {
                        if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
                        key |= UInt64(value) << (8 * UInt64(length))
                    }
                }
                length += 1
            } else if endOfWord() {
                return nil
            }
        }
        return endOfWord() ? nil : ones
    }

    /// The keys `wordsForOne` looks for: the words that make a text worth reading (number words,
    /// the words of larger numbers, units), and the words for one.
    struct GlanceKeys: Sendable {
        let triggers: WordKeys
        let ones: WordKeys

        init(_ words: NumberWords) {
            let triggers = Set(words.numbers.keys).union(words.compounds).union(words.units.flatMap(\.words))
            self.triggers = WordKeys(triggers.compactMap { NumberReader.key(Array($0.unicodeScalars)[...]) })
            ones = WordKeys(words.ones.compactMap { NumberReader.key(Array($0.unicodeScalars)[...]) })
        }
    }
}
