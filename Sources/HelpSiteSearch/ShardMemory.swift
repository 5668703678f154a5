import Foundation
import HelpSiteModel

/// What each shard of a language's index was made from at the last build: a fingerprint of its
/// terms and their postings (`ShardWriter.content(of:)`) → the names of its file and of its
/// terms' rest files. A shard whose terms and postings are the same, with its files at hand,
/// is kept as it is, neither encoded nor named again: made again whole, the changed language's
/// shards were 9 % of the instructions of a one-page rebuild of 1,000 pages.
///
/// Kept in the search records' folder (`.helpsite-cache/search-public/shards-<language>.txt`),
/// one file a language, under the key of the records (`SearchRecordCache.read`): a shard made
/// by another helpsite, or for other shared files, is never taken for this build's.
///
///     helpsite search shards 2
///     key     <the records' key>
///     shard   <fingerprint of its content>  <its file's name>  <each rest file's name>…
///     sections <each page's number of sections, by page number; -1 for none>…
///     meta    <the fingerprint of the meta.json written with them>
///     end
package struct ShardMemory: Sendable {
    static let header = "helpsite search shards 2"

    /// Content fingerprint → the shard's file name, then its rest files' names.
    package var names: [UInt64: [String]] = [:]
    /// Page number → its number of sections in the language, -1 for a number it has no page
    /// under: what a build that changes some of the language's pages starts from (`PublishedIndex`).
    package var sections: [Int32]?
    /// The fingerprint (name) of the `meta.json` written with these shards: `sections` is only
    /// taken for the index whose `meta.json` the last published build recorded, never for one
    /// a build wrote and then did not publish.
    package var meta: String?

    package init(names: [UInt64: [String]] = [:], sections: [Int32]? = nil, meta: String? = nil) {
        self.names = names
        self.sections = sections
        self.meta = meta
    }

    /// The file of `language`'s memory in `cache`'s folder.
    static func file(in cache: SearchRecordCache, language: String) -> String {
        Paths.join(cache.folder, "shards-\(language).txt")
    }

    /// The memory kept for `language` under `key`; empty when there is none, it was kept under
    /// another key, or it does not read whole.
    package static func read(from cache: SearchRecordCache, language: String, key: Fingerprint) -> ShardMemory {
        guard let data = FileManager.default.contents(atPath: file(in: cache, language: language)) else { return ShardMemory() }
        var names: [UInt64: [String]] = [:]
        var sections: [Int32]?, meta: String?
        var keyed = false
        let whole = RecordText.forEachLine(of: data, header: header) { line in
            var fields = RecordText.Fields(line)
            guard let word = fields.next().map({ String(decoding: $0, as: UTF8.self) }) else { return false }
            // Nothing is read before the key, and the key must be this build's.
            if word == "key" {
                keyed = fields.unsigned(radix: 16) == key.value && fields.isAtEnd
                return keyed
            }
            guard keyed else { return false }
            switch word {
            case "shard":
                guard let content = fields.unsigned(radix: 16) else { return false }
                var files: [String] = []
                while let name = fields.text() { files.append(name) }
                guard !files.isEmpty else { return false }
                names[content] = files
            case "sections":
                var counts: [Int32] = []
                while !fields.isAtEnd {
                    guard let count = fields.integer(), count >= -1, count <= Int64(Int32.max) else { return false }
                    counts.append(Int32(count))
                }
                sections = counts
            case "meta":
                guard let name = fields.text(), fields.isAtEnd else { return false }
                meta = name
            default:
                return false
            }
            return true
        }
        return whole == true && keyed ? ShardMemory(names: names, sections: sections, meta: meta) : ShardMemory()
    }

    /// Keeps the memory for the next build; replaced whole, not flushed (a lost file costs the
    /// next build the encoding of every shard of the language).
    package func write(to cache: SearchRecordCache, language: String, key: Fingerprint) throws {
        var writer = RecordText.Writer(header: Self.header)
        writer.raw("key")
        writer.number(key.value, radix: 16)
        writer.endLine()
        // In order of content, so that the same shards give the same file.
        for content in names.keys.sorted() {
            writer.raw("shard")
            writer.number(content, radix: 16)
            for name in names[content]! { writer.text(name) }
            writer.endLine()
        }
        if let sections {
            writer.raw("sections")
            for count in sections { writer.number(Int(count)) }
            writer.endLine()
        }
        if let meta {
            writer.raw("meta")
            writer.text(meta)
            writer.endLine()
        }
        try RecordText.write(writer.finished, to: Self.file(in: cache, language: language), onlyIfChanged: true)
    }
}
