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
        let triggers = glanceKeys.triggers, ones = glanceKeys.ones
        var index = 0, offset = 0
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            // An ASCII word that ends within eight bytes, before an ASCII byte, as most words do:
            // its letters found and packed at once, not a letter at a time.
            if let base, index + 8 <= bytes.count, (bytes[index] | 0x20) &- UInt8(ascii: "a") < 26 {
                let eight = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let length = (~Self.asciiLetters(eight) & Self.highBits).trailingZeroBitCount / 8
                if length < 8, bytes[index + length] < 0x80 {
                    let full = (eight | 0x2020_2020_2020_2020) & (1 << UInt64(8 * length) - 1) | UInt64(length) << 56
                    if triggers.contains(full) {
                        found.triggers.append(offset)
                        if stoppingAtTrigger { return found }
                    } else if ones.contains(full) {
                        found.ones.append(offset)
                    }
                    index += length
                    offset += length
                    continue
                }
            }
            var (value, size) = Self.scalar(in: bytes, at: index)
            if (value >= 0x30 && value <= 0x39) || value == 0x20AC || value == 0x25 { // a digit, `€`, `%`
                found.triggers.append(offset)
                if stoppingAtTrigger { return found }
                index += size
                offset += 1
                continue
            }
            guard Self.isLetter(value) else {
                index += size
                offset += 1
                continue
            }
            // A word: its length and, as `NumberReader.key` packs it, its first seven letters in lower case.
            let start = offset
            var length = 0
            var key: UInt64 = 0
            var packed = true
            repeat {
                if length < 7 {
                    if value > 0xFF {
                        packed = false
                    } else {
                        if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
                        key |= UInt64(value) << (8 * UInt64(length))
                    }
                }
                length += 1
                index += size
                offset += 1
                guard index < bytes.count else { break }
                (value, size) = Self.scalar(in: bytes, at: index)
            } while Self.isLetter(value) && !(value >= 0x30 && value <= 0x39)
            guard length <= Self.longestWord else { continue }
            let full = key | UInt64(length) << 56
            // A word with a letter beyond Latin-1 is read, to be sure.
            if !packed || triggers.contains(full) {
                found.triggers.append(start)
                if stoppingAtTrigger { return found }
            } else if ones.contains(full) {
                found.ones.append(start)
            }
        }
        return found
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each of eight bytes that is an ASCII letter. Below 0x80, adding 0x1F sets
    /// the high bit from `a` up and adding 0x05 from past `z`, without a carry into the next byte.
    @inline(__always)
    private static func asciiLetters(_ eight: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let folded = (eight | 0x2020_2020_2020_2020) & ~highBits
        return (folded &+ 0x1F &* ones) & ~(folded &+ 0x05 &* ones) & ~eight & highBits
    }

    /// A letter or an accent written apart (`isWordScalar`), but not a digit.
    @inline(__always)
    private static func isLetter(_ value: UInt32) -> Bool {
        value < 0x80 ? ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) : isWordScalar(Unicode.Scalar(value)!)
    }

    /// The scalar at a byte offset, and its length in bytes: Swift strings are valid UTF-8.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, size: Int) {
        let lead = UInt32(bytes[index])
        guard lead >= 0x80 else { return (lead, 1) }
        let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
        for next in 1..<size { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
        return (value, size)
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
