/// Words already seen by a `SearchTerms`, looked up by their UTF-8 bytes: every word of every
/// text goes through here, and a `[String: …]` dictionary cost a String and a SipHash per word,
/// most of the index's time. Open addressing over a power-of-two table; the words' bytes are
/// kept in one buffer; FNV-1a as the hash.
struct WordTable<Value> {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    private var entries: [Entry?] = Array(repeating: nil, count: 1024)
    private var bytes: [UInt8] = []
    private(set) var count = 0

    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The value kept for `word`, if it was seen.
    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: hash) & (entries.count - 1)
        while let entry = entries[slot] {
            if entry.hash == hash, entry.length == word.count, bytes.withUnsafeBufferPointer({ kept in
                (0..<word.count).allSatisfy { kept[entry.start + $0] == word[$0] }
            }) {
                return entry.value
            }
            slot = (slot + 1) & (entries.count - 1)
        }
        return nil
    }

    /// Keeps `value` for a word not seen before.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        if (count + 1) * 2 > entries.count { grow() }
        let entry = Entry(hash: hash, start: bytes.count, length: word.count, value: value)
        bytes.append(contentsOf: word)
        place(entry)
        count += 1
    }

    /// Every word kept, as a String.
    var words: [String] {
        entries.compactMap { entry in entry.map { String(decoding: bytes[$0.start..<$0.start + $0.length], as: UTF8.self) } }
    }

    private mutating func place(_ entry: Entry) {
        var slot = Int(truncatingIfNeeded: entry.hash) & (entries.count - 1)
        while entries[slot] != nil { slot = (slot + 1) & (entries.count - 1) }
        entries[slot] = entry
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: nil, count: old.count * 2)
        for case let entry? in old { place(entry) }
    }
}
