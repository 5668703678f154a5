import Foundation
import HelpSiteModel

/// One language's `meta.json` and term shards (docs/reference/search-index.md).
///
/// Terms are cut into shards by their first letters (`ShardPlan`), so that a query fetches
/// `meta.json` and the one small shard each of its words lives in. A shard's file is named by
/// a fingerprint of its bytes: a shard whose terms did not change keeps its name, and its file
/// is not written again; one that did gets a new name, which no cache can hold stale.
struct ShardWriter {
    let language: SearchIndex.Language
    let callingCode: String

    /// A section's number in the index: its page's number times this, plus its place in the
    /// page. 32, or the next power of two that holds the longest page.
    var sectionsPerPage: Int {
        var size = 32
        while size < language.mostSections { size *= 2 }
        return size
    }

    /// The language's files: a shard whose content (`content(of:perPage:)`) `memory` holds, with
    /// every one of its files `atHand` (by path and name), is kept as the last build made it
    /// (an unchanged file, not encoded again); the others are made.
    /// - Returns: the files, and the memory of this build's shards for the next.
    func files(remembering memory: ShardMemory = ShardMemory(),
               atHand: UnchangedPages = { _, _ in false }) -> (files: [OutputFile], memory: ShardMemory) {
        let folder = "\(SearchIndex.folder)/\(language.code)"
        let perPage = sectionsPerPage
        let slots = language.terms.indices.filter { !language.postings[$0].isEmpty }
            .sorted { UTF8Text.precedes(language.terms[$0], language.terms[$1]) }
        let plan = ShardPlan.make(slots.map { (language.terms[$0], language.postings[$0].count) })
        var files: [OutputFile] = []
        var shards: [(prefix: String, file: String)] = []
        var made = ShardMemory()
        for shard in plan {
            // Groups merged out of order (`SearchIndex.add` without a sequence) leave postings unsorted.
            let terms = slots[shard.terms].map { slot in
                var postings = language.postings[slot]
                if !zip(postings, postings.dropFirst()).allSatisfy({ $0 < $1 }) { postings.sort() }
                return (term: language.terms[slot], postings: postings)
            }
            let content = Self.content(of: terms, perPage: perPage)
            if let names = memory.names[content],
               names.allSatisfy({ atHand("\(folder)/t/\($0)", $0) }) {
                files += names.map { OutputFile(path: "\(folder)/t/\($0)", contents: Data(), isUnchanged: true, fingerprint: $0) }
                shards.append((shard.prefix, names[0]))
                made.names[content] = names
                continue
            }
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            var rests: [String] = []
            for (position, (term, postings)) in terms.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONText.writeString(term, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if postings.count <= ShardPlan.top {
                    Self.encode(postings, perPage: perPage, into: &bytes)
                    continue
                }
                // A term in many sections: its heaviest in the shard, enough for the first
                // results of a one-word query; the rest in a file fetched for several words.
                let (top, others) = Self.heaviest(ShardPlan.top, of: postings)
                var rest: [UInt8] = []
                Self.encode(others, perPage: perPage, into: &rest)
                let restFile = Self.name(of: rest)
                files.append(OutputFile(path: "\(folder)/t/\(restFile)", contents: Data(rest), fingerprint: restFile))
                rests.append(restFile)
                bytes.append(contentsOf: #"{"n":"#.utf8)
                Self.append(postings.count, to: &bytes)
                bytes.append(contentsOf: #","rest":"#.utf8)
                JSONText.writeString(restFile, into: &bytes)
                bytes.append(contentsOf: #","top":"#.utf8)
                Self.encode(top, perPage: perPage, into: &bytes)
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: "}"))
            let name = Self.name(of: bytes)
            files.append(OutputFile(path: "\(folder)/t/\(name)", contents: Data(bytes), fingerprint: name))
            shards.append((shard.prefix, name))
            made.names[content] = [name] + rests
        }
        let meta = meta(shards: shards, perPage: perPage)
        files.append(OutputFile(path: "\(folder)/meta.json", contents: Data(meta), fingerprint: Self.name(of: meta)))
        return (files, made)
    }

    /// A fingerprint of everything a shard's bytes are made from: its terms and their postings
    /// (in section order), and the sections per page that numbers them. Only ever compared
    /// within one helpsite (`ShardMemory` is kept under the executable's key).
    static func content(of terms: [(term: String, postings: [UInt64])], perPage: Int) -> UInt64 {
        var fingerprint = Fingerprint("shard")
        fingerprint.add(String(perPage))
        for (term, postings) in terms {
            fingerprint.add(term)
            withUnsafeBytes(of: UInt64(postings.count)) { fingerprint.add(bytes: $0) }
            postings.withUnsafeBytes { fingerprint.add(bytes: $0) }
        }
        return fingerprint.value
    }

    /// `{"country":"32","lang":"nl","pages":3,"per_page":32,"sections":25,"shards":{…},"stemmer":"dutch","v":1}`
    func meta(shards: [(prefix: String, file: String)], perPage: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(contentsOf: #"{"country":"#.utf8)
        JSONText.writeString(callingCode, into: &bytes)
        bytes.append(contentsOf: #","lang":"#.utf8)
        JSONText.writeString(language.code, into: &bytes)
        bytes.append(contentsOf: #","pages":"#.utf8)
        Self.append(language.pages, to: &bytes)
        bytes.append(contentsOf: #","per_page":"#.utf8)
        Self.append(perPage, to: &bytes)
        bytes.append(contentsOf: #","sections":"#.utf8)
        Self.append(language.sections, to: &bytes)
        bytes.append(contentsOf: #","shards":{"#.utf8)
        for (index, shard) in shards.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.writeString(shard.prefix, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.writeString(shard.file, into: &bytes)
        }
        bytes.append(contentsOf: #"},"stemmer":"#.utf8)
        if let algorithm = Stemmer.algorithms[language.code] {
            JSONText.writeString(algorithm, into: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        bytes.append(contentsOf: #","v":"#.utf8)
        Self.append(SearchIndex.version, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// `[first section, its weight, gap to the next, its weight, …]`, from postings in
    /// section order (`SearchIndex.Language`).
    static func encode(_ postings: [UInt64], perPage: Int, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        var last = 0
        for (index, posting) in postings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let document = Int(posting >> 24) * perPage + Int((posting >> 8) & 0xFFFF)
            append(document - last, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            append(Int(posting & 0xFF), to: &bytes)
            last = document
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The `count` heaviest postings (the earliest sections first among equal weights), and the
    /// others, both in section order. Weights run from 1 to 22: counted, not sorted.
    static func heaviest(_ count: Int, of postings: [UInt64]) -> (top: [UInt64], rest: [UInt64]) {
        var perWeight = [Int](repeating: 0, count: 256)
        for posting in postings { perWeight[Int(posting & 0xFF)] += 1 }
        var threshold = 255, above = 0
        while above + perWeight[threshold] < count {
            above += perWeight[threshold]
            threshold -= 1
        }
        var atThreshold = count - above
        var top: [UInt64] = [], rest: [UInt64] = []
        top.reserveCapacity(count)
        rest.reserveCapacity(postings.count - count)
        for posting in postings {
            let weight = Int(posting & 0xFF)
            if weight > threshold || (weight == threshold && atThreshold > 0) {
                if weight == threshold { atThreshold -= 1 }
                top.append(posting)
            } else {
                rest.append(posting)
            }
        }
        return (top, rest)
    }

    /// A file's name from its bytes: `3f9c0a…e1.json`. FNV-1a over eight bytes at a time, then
    /// mixed: the shards of a large site are tens of megabytes, named again by every build.
    static func name(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
        }
        // MurmurHash3's finaliser, so that every input bit reaches every output bit.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        hash ^= UInt64(bytes.count)
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + ".json"
    }

    /// A non-negative number's decimal digits, without making a String.
    static func append(_ number: Int, to bytes: inout [UInt8]) {
        guard number >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        append(number / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
