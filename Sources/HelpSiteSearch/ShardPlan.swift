/// Which terms go into which shard: the terms sharing a prefix make one shard while its
/// estimated size stays under `limit` bytes; a larger set is split by the next letter, and a
/// term equal to the prefix it is split at keeps a shard of its own. The browser finds a
/// term's shard as the longest prefix of it that has one (search.js `shardOf`).
enum ShardPlan {
    /// Bytes a shard aims to stay under.
    static let limit = 24_000
    /// Postings a term keeps in its shard; a term in more sections keeps its heaviest there.
    static let top = 100

    /// - Parameter terms: every term with its number of postings, sorted by their UTF-8 bytes.
    /// - Returns: each shard's prefix and the range of `terms` it holds, in term order.
    static func make(_ terms: [(term: String, postings: Int)]) -> [(prefix: String, terms: Range<Int>)] {
        let scalars = terms.map { Array($0.term.unicodeScalars) }
        let sizes = terms.map { $0.term.utf8.count + 6 + 5 * min(top, $0.postings) }
        var shards: [(prefix: String, terms: Range<Int>)] = []

        func split(_ range: Range<Int>, depth: Int) {
            guard !range.isEmpty else { return }
            let size = sizes[range].reduce(0, +)
            let prefix = String(String.UnicodeScalarView(scalars[range.lowerBound].prefix(depth)))
            if size <= limit || (depth > 0 && range.allSatisfy { scalars[$0].count <= depth }) {
                shards.append((prefix, range))
                return
            }
            var start = range.lowerBound
            // Sorted by bytes, a term equal to the prefix comes first: it keeps the prefix's shard.
            if scalars[start].count == depth {
                shards.append((prefix, start..<start + 1))
                start += 1
            }
            while start < range.upperBound {
                let letter = scalars[start][depth]
                var end = start + 1
                while end < range.upperBound, scalars[end][depth] == letter { end += 1 }
                split(start..<end, depth: depth + 1)
                start = end
            }
        }

        split(0..<terms.count, depth: 0)
        return shards
    }
}
