import HelpSiteModel

/// `.sources.yaml` as text: what `status --accept` and `new-language` write.
public enum SourcesFile {
    /// The file's text, its parts and fields in the content's order (`order`), anything
    /// else after them sorted, so that the file changes only where a record changed.
    public static func text(_ sources: SourceFingerprints, language: String, order: [(part: String, fields: [String])] = []) -> String {
        var text = """
            # Written by helpsite (`helpsite status --accept \(language)`, `helpsite new-language`): do not edit by hand.
            # For each field of this translation, a fingerprint of the \(sources.reference) text it was
            # translated from, or `untranslated`. `helpsite status` reports a field as stale when the
            # \(sources.reference) text no longer has this fingerprint.
            reference: \(sources.reference)
            fields:

            """
        let known = order.map(\.part)
        let parts = known.filter { sources.parts[$0] != nil } + sources.parts.keys.filter { !known.contains($0) }.sorted()
        for part in parts {
            let entries = sources.parts[part] ?? [:]
            guard !entries.isEmpty else {
                text += "  \(part): {}\n"
                continue
            }
            text += "  \(part):\n"
            let ordered = order.first { $0.part == part }?.fields ?? []
            let keys = ordered.filter { entries[$0] != nil } + entries.keys.filter { !ordered.contains($0) }.sorted()
            for key in keys {
                switch entries[key]! {
                case .source(let fingerprint): text += "    \(key): \(fingerprint)\n"
                case .untranslated: text += "    \(key): untranslated\n"
                }
            }
        }
        if parts.isEmpty { text = text.replacingOccurrences(of: "fields:\n", with: "fields: {}\n") }
        return text
    }

    /// Replaces the file whole (`AtomicFile`): an interrupted write leaves the previous record.
    public static func write(_ sources: SourceFingerprints, language: String, order: [(part: String, fields: [String])] = [],
                             to path: String) throws(AtomicFile.Failure) {
        try AtomicFile.write(text(sources, language: language, order: order), to: path)
    }
}
