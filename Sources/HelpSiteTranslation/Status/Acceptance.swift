import HelpSiteModel

/// `helpsite status --accept`: records, after review, the reference text each field of
/// a translation now translates.
public enum Acceptance {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What an acceptance recorded, ready to be written to `file`.
    public struct Outcome: Sendable {
        public var language: String
        public var sources: SourceFingerprints
        /// `.sources.yaml` of the language.
        public var file: String
        /// The parts and fields in the content's order, for `SourcesFile`.
        public var order: [(part: String, fields: [String])]
        /// Fingerprints recorded.
        public var accepted: Int
        /// Fields `new-language` copied that are still the reference text: kept untranslated.
        public var untranslated: [String]
        /// Fields the translation lacks: nothing recorded.
        public var missing: [String]

        /// Writes `.sources.yaml` whole, through `AtomicFile`.
        public func write() throws(AtomicFile.Failure) {
            try SourcesFile.write(sources, language: language, order: order, to: file)
        }
    }

    /// Records the current reference fingerprint of every field of `language`, or of one
    /// page (`part`), or of one field of it. A field `new-language` marked untranslated and
    /// still equal to the reference stays untranslated unless it is named alone with `field`:
    /// keeping the reference text is then a decision, not an oversight.
    public static func accept(_ site: Site, language: String, part: String? = nil, field: String? = nil) throws(Failure) -> Outcome {
        let reference = site.settings.referenceLanguage
        guard language != reference else {
            throw Failure(description: "'\(language)' is the reference language; only translations are accepted")
        }
        guard let content = site.languages.first(where: { $0.language.code == language }), let original = site.reference else {
            throw Failure(description: "'\(language)' is not a language of site.yaml (\(site.languages.map(\.language.code).joined(separator: ", ")))")
        }
        if let field, part == nil {
            throw Failure(description: "name the page of the field '\(field)' (a page id, or 'language' for language.yaml)")
        }
        let walks = TranslationStatus.walks(of: content, against: original, site: site)
        if let part, !walks.contains(where: { $0.0 == part }) {
            throw Failure(description: "'\(part)' is not a page of \(language); use one of: \(walks.map(\.0).joined(separator: ", "))")
        }
        var sources = content.sources ?? SourceFingerprints(reference: reference)
        if sources.reference != reference || part == nil { sources = SourceFingerprints(reference: reference) }
        var outcome = Outcome(language: language, sources: sources, file: TranslationStatus.folder(of: content) + "/" + SourceFingerprints.fileName,
                              order: walks.map { ($0.0, $0.2.fields.map(\.key)) }, accepted: 0, untranslated: [], missing: [])
        for (name, _, walk) in walks where part == nil || part == name {
            var entries = field == nil ? [:] : outcome.sources.parts[name] ?? [:]
            let pairs = walk.fields.filter { field == nil || $0.key == field }
            if let field, pairs.isEmpty {
                let keys = walk.fields.map(\.key)
                let near = keys.min { editDistance($0, field) < editDistance($1, field) }
                throw Failure(description: "'\(field)' is not a field of \(language) '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
            }
            for pair in pairs {
                let recorded = content.sources?.entry(part: name, field: pair.key)
                let state = TranslationStatus.state(of: pair, recorded: recorded)
                if state == .missing {
                    entries[pair.key] = nil
                    outcome.missing.append(name + ": " + pair.key)
                } else if state == .untranslated, recorded == .untranslated, field == nil {
                    entries[pair.key] = .untranslated
                    outcome.untranslated.append(name + ": " + pair.key)
                } else {
                    entries[pair.key] = .source(TextFingerprint.of(pair.reference.value))
                    outcome.accepted += 1
                }
            }
            outcome.sources.parts[name] = entries
        }
        if let field, outcome.accepted == 0, !outcome.missing.isEmpty {
            throw Failure(description: "'\(field)' is missing in \(language): translate it first")
        }
        return outcome
    }
}
