import Foundation
import HelpSiteModel
import HelpSitePublish
import HelpSiteSearch

/// Which languages' index a build makes from fewer records than all of them: those it keeps
/// as they are, those it starts from the index the previous build published.
extension SearchBuild {
    /// The records' key: every input that is not a page file, by its stamp.
    static func key(inputs: [String: BuildManifest.Stamp], pageLanguage: (String) -> String?, neutral: Set<String>) -> Fingerprint {
        var base = Fingerprint("search records")
        base.add(String(SearchIndex.version))
        // The few inputs that are not page files picked out before they are sorted, not after:
        // sorting the 3,000 paths of a 1,000-page site was 1 % of a one-page rebuild.
        for path in inputs.keys.filter({ pageLanguage($0) == nil && !neutral.contains($0) }).sorted() {
            base.add(path)
            base.add("\(inputs[path]!.size) \(inputs[path]!.modified.bitPattern)")
        }
        return base
    }

    /// The languages whose index files are kept as they are (`kept`), and those started from the
    /// index the previous build published (`published`); a preview has neither.
    /// - Parameter key: the records' key (`key(inputs:pageLanguage:neutral:)`).
    static func reused(_ codes: [String], inputs: [String: BuildManifest.Stamp], previous: BuildManifest?, unchanged: UnchangedPages,
                       output: String, cache: SearchRecordCache, key: Fingerprint, pageLanguage: (String) -> String?,
                       neutral: Set<String>) -> (kept: [String: [OutputFile]], published: [String: PublishedIndex]) {
        guard let previous, let changed = changedLanguages(inputs: inputs, previous: previous, pageLanguage: pageLanguage, neutral: neutral)
        else { return ([:], [:]) }
        let kept = keptLanguages(codes, changed: changed, previous: previous, unchanged: unchanged)
        return (kept, publishedLanguages(codes.filter { kept[$0] == nil }, changed: changed, previous: previous, output: output,
                                         cache: cache, key: key))
    }

    /// Whether only page files changed in place since `previous`: then the pages keep their
    /// numbers, and a language's index depends on its own page files alone. The languages of
    /// the changed files, or nil when anything else changed.
    private static func changedLanguages(inputs: [String: BuildManifest.Stamp], previous: BuildManifest,
                                 pageLanguage: (String) -> String?, neutral: Set<String>) -> Set<String>? {
        var changed = Set<String>()
        // Every input and no other: of as many inputs as the previous build, each one it had.
        guard inputs.count == previous.inputs.count else { return nil }
        for (path, stamp) in inputs where !neutral.contains(path) {
            guard let before = previous.inputs[path] else { return nil }
            guard stamp != before else { continue }
            guard let language = pageLanguage(path) else { return nil }
            changed.insert(language)
        }
        return changed
    }

    /// Languages some of whose page files changed in place, and nothing else, whose index the
    /// previous build published reads back whole (`PublishedIndex`): the build merges only the
    /// records of the groups it reads into them.
    /// - Parameter changed: the languages of the page files changed since `previous` (`changedLanguages`).
    private static func publishedLanguages(_ codes: [String], changed: Set<String>, previous: BuildManifest, output: String,
                                   cache: SearchRecordCache, key: Fingerprint) -> [String: PublishedIndex] {
        var published: [String: PublishedIndex] = [:]
        for code in codes where changed.contains(code) {
            let memory = ShardMemory.read(from: cache, language: code, key: key)
            // The sections kept with the index the last build published, not with one a build
            // wrote and then did not publish (it failed after its index was made).
            guard let sections = memory.sections, let meta = memory.meta,
                  previous.outputs["\(SearchIndex.folder)/\(code)/meta.json"]?.fingerprint == meta,
                  let index = PublishedIndex.read(language: code, from: output, recorded: { previous.outputs[$0]?.fingerprint },
                                                  sections: sections) else { continue }
            published[code] = index
        }
        return published
    }

    /// See `kept`. Only a page file changed in place tells its language from the others: any
    /// other input (site.yaml, a language.yaml, a template, the executable) may change every
    /// language's index, and a page file added or removed renumbers the pages of all.
    private static func keptLanguages(_ codes: [String], changed: Set<String>, previous: BuildManifest,
                              unchanged: UnchangedPages) -> [String: [OutputFile]] {
        let unchangedCodes = Set(codes).subtracting(changed)
        guard !unchangedCodes.isEmpty else { return [:] }
        // The index's files but the pages', by language, in one pass over the outputs.
        var files: [String: [(path: String, record: OutputRecord)]] = [:]
        let root = SearchIndex.folder + "/"
        for (path, record) in previous.outputs where path.hasPrefix(root) {
            let rest = path.dropFirst(root.count)
            guard let slash = rest.firstIndex(of: "/"), unchangedCodes.contains(String(rest[..<slash])),
                  !rest[rest.index(after: slash)...].hasPrefix("p/") else { continue }
            files[String(rest[..<slash]), default: []].append((path, record))
        }
        var kept: [String: [OutputFile]] = [:]
        for code in unchangedCodes {
            guard let files = files[code], files.contains(where: { $0.path == "\(root)\(code)/meta.json" }),
                  files.allSatisfy({ unchanged($0.path, $0.record.fingerprint) }) else { continue }
            kept[code] = files.map { OutputFile(path: $0.path, contents: Data(), isUnchanged: true, fingerprint: $0.record.fingerprint) }
        }
        return kept
    }
}
