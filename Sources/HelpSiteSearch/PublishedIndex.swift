import Foundation
import HelpSiteModel

/// A language's index as the last build published it, read back from its files (`meta.json`,
/// the shards and their rest files) and the sections of each page (`ShardMemory.sections`): the
/// start of a build that changed only some of the language's pages, which takes those pages'
/// postings out and merges their new records in (`SearchIndex`), instead of merging the records
/// of every page of the language from the cache. At 1,000 pages, reading and merging every
/// French record was 12 % of a one-page rebuild's instructions.
package struct PublishedIndex: Sendable {
    /// Every term, and its postings (`SearchIndex.Language`), in section order.
    var terms: [String] = []
    var postings: [[UInt64]] = []
    /// Page number → its number of sections; -1 for a number the language has no page under.
    var sections: [Int32] = []

    /// Reads `language`'s index from `folder` (the output folder the last build published).
    /// - Parameters:
    ///   - recorded: the fingerprint the last build recorded for a file of the site (its name,
    ///     for the index's files); a file whose bytes are not the ones recorded is not read.
    ///   - sections: each page's number of sections, as the last build kept them.
    /// - Returns: nil when a file is missing, changed, or does not read as the index's format.
    package static func read(language: String, from folder: String, recorded: (String) -> String?, sections: [Int32]) -> PublishedIndex? {
        let root = "\(SearchIndex.folder)/\(language)"
        func file(_ path: String) -> [UInt8]? {
            guard let fingerprint = recorded(path), let data = FileManager.default.contents(atPath: Paths.join(folder, path)) else { return nil }
            let bytes = [UInt8](data)
            return ShardWriter.name(of: bytes) == fingerprint ? bytes : nil
        }
        guard let metaData = file("\(root)/meta.json"),
              let meta = try? JSONSerialization.jsonObject(with: Data(metaData)) as? [String: Any],
              let perPage = meta["per_page"] as? Int, perPage > 0, let shards = meta["shards"] as? [String: String] else { return nil }
        var index = PublishedIndex(sections: sections)
        for name in shards.values.sorted() {
            guard let data = file("\(root)/t/\(name)") else { return nil }
            var reader = ShardReader(bytes: data, perPage: perPage)
            guard let terms = reader.shard() else { return nil }
            for (term, top, restName) in terms {
                var postings = top
                if let restName {
                    guard let rest = file("\(root)/t/\(restName)") else { return nil }
                    var restReader = ShardReader(bytes: rest, perPage: perPage)
                    guard let others = restReader.postingsFile() else { return nil }
                    postings = Self.merging(postings, others)
                }
                index.terms.append(term)
                index.postings.append(postings)
            }
        }
        return index
    }

    /// Two lists of postings in section order, as one.
    static func merging(_ first: [UInt64], _ second: [UInt64]) -> [UInt64] {
        var merged: [UInt64] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            if first[i] <= second[j] {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
    }
}

/// Reads what `ShardWriter` writes: a shard, `{"term":[gap, weight, …], "term":{"n":…,"rest":"…","top":[…]}, …}`,
/// or a rest file, `[gap, weight, …]`; each section number (page × per_page + section) made
/// a posting again (`page << 24 | section << 8 | weight`). Only that format: nil for anything else.
struct ShardReader {
    let bytes: [UInt8]
    let perPage: Int
    var at = 0

    init(bytes: [UInt8], perPage: Int) {
        self.bytes = bytes
        self.perPage = perPage
    }

    /// Every term of a shard with its postings in the shard, and the name of its rest file.
    mutating func shard() -> [(term: String, top: [UInt64], rest: String?)]? {
        guard take("{") else { return nil }
        var terms: [(term: String, top: [UInt64], rest: String?)] = []
        if take("}") { return at == bytes.count ? terms : nil }
        repeat {
            guard let term = string(), take(":") else { return nil }
            if at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                guard let postings = postings() else { return nil }
                terms.append((term, postings, nil))
            } else {
                // {"n":count,"rest":"name","top":[…]}, in that order.
                guard take(#"{"n":"#), number() != nil, take(#","rest":"#), let rest = string(), take(#","top":"#),
                      let top = postings(), take("}") else { return nil }
                terms.append((term, top, rest))
            }
        } while take(",")
        return take("}") && at == bytes.count ? terms : nil
    }

    /// A rest file's postings.
    mutating func postingsFile() -> [UInt64]? {
        guard let postings = postings(), at == bytes.count else { return nil }
        return postings
    }

    /// `[gap, weight, …]`. Over the buffer, one byte at a time with no check of uniqueness or
    /// bounds beyond the buffer's end: a one-page rebuild reads 360,000 numbers at 1,000 pages.
    private mutating func postings() -> [UInt64]? {
        guard take("[") else { return nil }
        var postings: [UInt64] = []
        if take("]") { return postings }
        // A power of two (`ShardWriter.sectionsPerPage`): a shift and a mask, not a division.
        guard perPage.nonzeroBitCount == 1 else { return nil }
        let shift = perPage.trailingZeroBitCount, mask = perPage - 1
        let (end, parsed) = bytes.withUnsafeBufferPointer { buffer -> (Int, Bool) in
            var at = self.at, document = 0, gap = 0, value = 0, digits = 0
            while at < buffer.count {
                let byte = buffer[at]
                at += 1
                if byte &- UInt8(ascii: "0") < 10 {
                    guard digits < 18 else { return (at, false) }
                    value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                    digits += 1
                    continue
                }
                // A number ended: a gap (then a comma), or a weight (then a comma or the end).
                guard digits > 0 else { return (at, false) }
                if gap < 0 {
                    guard value < 256 else { return (at, false) }
                    postings.append(UInt64(document >> shift) << 24 | UInt64(document & mask) << 8 | UInt64(value))
                    gap = 0
                    if byte == UInt8(ascii: "]") { return (at, true) }
                } else {
                    document += value
                    gap = -1
                }
                guard byte == UInt8(ascii: ",") else { return (at, false) }
                value = 0
                digits = 0
            }
            return (at, false)
        }
        at = end
        return parsed ? postings : nil
    }

    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while at < bytes.count, bytes[at] &- UInt8(ascii: "0") < 10, digits < 18 {
            value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
            at += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// A JSON string with the escapes `JSONText.writeString` writes (and `\/`).
    private mutating func string() -> String? {
        guard take("\"") else { return nil }
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            defer { at += 1 }
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }
        var text = Array(bytes[start..<at])
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { return nil }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "u"):
                    guard at + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }
                    at += 4
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    return nil
                }
            default:
                text.append(byte)
            }
        }
        return nil
    }

    private mutating func take(_ expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard bytes.count - at >= count,
              (0..<count).allSatisfy({ bytes[at + $0] == expected.utf8Start[$0] }) else { return false }
        at += count
        return true
    }
}

extension SearchIndex.Language {
    /// The published index with this language's pages (those of the groups read this build)
    /// in place of its own: their postings taken out of every term, these added; each page's
    /// sections counted again.
    func merged(into published: PublishedIndex) -> SearchIndex.Language {
        var merged = SearchIndex.Language(code: code)
        var replaced = [Bool](repeating: false, count: max(published.sections.count, pageSections.count))
        for (place, count) in pageSections.enumerated() where count >= 0 { replaced[place] = true }
        for place in replaced.indices {
            let count = place < pageSections.count && pageSections[place] >= 0 ? pageSections[place]
                : place < published.sections.count ? published.sections[place] : -1
            if count >= 0 { merged.count(Int(count), ofPage: place) }
        }
        let isReplaced = { (posting: UInt64) in
            let place = Int(posting >> 24)
            return place < replaced.count && replaced[place]
        }
        var taken = [Bool](repeating: false, count: terms.count)
        merged.terms.reserveCapacity(published.terms.count)
        merged.postings.reserveCapacity(published.terms.count)
        for (term, postings) in zip(published.terms, published.postings) {
            var postings = postings
            if postings.contains(where: isReplaced) { postings.removeAll(where: isReplaced) }
            if let slot = slots[term] {
                postings += self.postings[Int(slot)]
                taken[Int(slot)] = true
            }
            merged.terms.append(term)
            merged.postings.append(postings) // left unsorted where pages were added; ShardWriter sorts them
        }
        for slot in terms.indices where !taken[slot] {
            merged.terms.append(terms[slot])
            merged.postings.append(postings[slot])
        }
        return merged
    }
}
