extension NumberReader {
    /// Most prose holds no figure, no `€` or `%`, no number word and no unit: then the only numbers
    /// it can hold are words for one without a unit (`een klacht`), which need no counterpart. Those
    /// are counted here, in one pass over the text that makes nothing; `nil` means the text must be
    /// read (`read`).
    func wordsForOne(in text: String) -> Int? {
        let found = glance(text, stoppingAtTrigger: true)
        return found.triggers.isEmpty ? found.ones.count : nil
    }

    /// Where a text may hold a number that needs reading: its figures, `€` and `%`, and the words
    /// of the tables that make a number (number words, the words of larger numbers, units); and
    /// where its words for one are. Offsets in Unicode scalars.
    struct Glance {
        var triggers: [Int] = []
        var ones: [Int] = []
    }

    /// One pass over the text's UTF-8 bytes that makes nothing but the two lists: decoding them here
    /// costs a fraction of walking `unicodeScalars`.
    func glance(_ text: String, stoppingAtTrigger: Bool = false) -> Glance {
        var text = text
        return text.withUTF8 { glance($0, stoppingAtTrigger: stoppingAtTrigger) }
    }

    private func glance(_ bytes: UnsafeBufferPointer<UInt8>, stoppingAtTrigger: Bool) -> Glance {
        var found = Glance()
        var offset = 0, start = 0, index = 0
        var length = 0
        var key: UInt64 = 0
        var packed = true
        func endOfWord() {
            defer { (length, key, packed) = (0, 0, true) }
            guard length > 0, length <= Self.longestWord else { return }
            // A word with a letter beyond Latin-1 is read, to be sure.
            guard packed else { found.triggers.append(start); return }
            let full = key | UInt64(length) << 56
            if glanceKeys.triggers.contains(full) { found.triggers.append(start) }
            else if glanceKeys.ones.contains(full) { found.ones.append(start) }
        }
        while index < bytes.count {
            var value = UInt32(bytes[index])
            if value < 0x80 {
                index += 1
            } else {
                // Swift strings are valid UTF-8: a lead byte, then continuation bytes.
                let count = value >= 0xF0 ? 4 : value >= 0xE0 ? 3 : 2
                value &= count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07
                for next in 1..<count { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
                index += count
            }
            defer { offset += 1 }
            if (value >= 0x30 && value <= 0x39) || value == 0x20AC || value == 0x25 { // a digit, `€`, `%`
                endOfWord()
                found.triggers.append(offset)
                if stoppingAtTrigger { return found }
                continue
            }
            let isLetter = value < 0x80 ? ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) : Self.isWordScalar(Unicode.Scalar(value)!)
            if isLetter {
                if length == 0 { start = offset }
                // As `NumberReader.key` packs a word: the first seven letters, in lower case.
                if length < 7 {
                    if value > 0xFF {
                        packed = false
                    } else {
                        if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
                        key |= UInt64(value) << (8 * UInt64(length))
                    }
                }
                length += 1
            } else {
                endOfWord()
                if stoppingAtTrigger, !found.triggers.isEmpty { return found }
            }
        }
        endOfWord()
        return found
    }

    /// The keys `glance` looks for: the words that make a text worth reading (number words,
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

    /// Words read on each side of a trigger: enough for a unit of several words (`jours ouvrables`),
    /// a `€` before, a rate (`twice a month`), a larger number (`vingt et un`), a phone number's groups.
    static let windowWords = 8

    /// The stretches of `scalars` around `triggers` (sorted), each from the start of a word to the
    /// end of one, `windowWords` words on each side, overlaps joined.
    static func windows(around triggers: [Int], in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        func isGap(_ offset: Int) -> Bool { isSpaceScalar(scalars[offset]) || scalars[offset] == boundary }
        /// From `offset`, `step` by step, past `windowWords` gaps between words; where the last word ends.
        func edge(from offset: Int, _ step: Int) -> Int {
            var position = offset, gaps = 0
            while position + step >= 0, position + step < scalars.count {
                if isGap(position + step), !isGap(position) {
                    gaps += 1
                    if gaps > windowWords { break }
                }
                position += step
            }
            return position
        }
        var windows: [Range<Int>] = []
        for trigger in triggers {
            let window = edge(from: trigger, -1)..<(edge(from: trigger, 1) + 1)
            if let last = windows.last, window.lowerBound <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                windows.append(window)
            }
        }
        return windows
    }
}
