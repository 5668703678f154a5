import HelpSiteModel

/// The status stage: `Site` → how complete, current and localised each translation is,
/// from the fingerprints each translation's `.sources.yaml` records.
public enum TranslationStatus {
    /// Every text field of every translation, against the reference as it is now.
    /// - Parameter languages: the translations to report; all of them when empty.
    public static func report(_ site: Site, languages: [String] = []) -> StatusReport {
        let reference = site.settings.referenceLanguage
        var report = StatusReport(reference: reference, languages: [])
        guard let original = site.reference else { return report }
        for content in site.languages where content.language.code != reference {
            guard languages.isEmpty || languages.contains(content.language.code) else { continue }
            report.languages.append(status(of: content, against: original, site: site))
        }
        return report
    }

    /// The state of one field, from what its translation records.
    static func state(of pair: FieldPair, recorded: SourceFingerprints.Entry?) -> FieldStatus.State {
        guard let translation = pair.translation else { return .missing }
        if case .source(let fingerprint) = recorded {
            return fingerprint == TextFingerprint.of(pair.reference.value) ? .current : .stale
        }
        // A field the translation shows from its reference (the date) is the same text by design.
        if pair.inherited { return .unreviewed }
        let same = TextFingerprint.normalised(translation.value) == TextFingerprint.normalised(pair.reference.value)
        return same ? .untranslated : .unreviewed
    }

    private static func status(of content: LanguageContent, against original: LanguageContent, site: Site) -> LanguageStatus {
        let code = content.language.code
        let folder = folder(of: content)
        var parts: [PartStatus] = []
        for (part, file, walk) in walks(of: content, against: original, site: site) {
            let fields = walk.fields.map { pair in
                FieldStatus(key: pair.key, state: state(of: pair, recorded: content.sources?.entry(part: part, field: pair.key)),
                            location: pair.translation?.location ?? pair.near, reference: pair.reference.location,
                            fingerprint: TextFingerprint.of(pair.reference.value))
            }
            let facts = walk.keptFacts.map { fact in
                FieldStatus(key: fact.key, state: .notLocalised, location: fact.location, reference: fact.reference,
                            fingerprint: "", reason: fact.reason)
            }
            var status = PartStatus(part: part, file: file, fields: fields, notLocalised: facts)
            status.updated = original.page(id: part)?.updated?.value.description
            parts.append(status)
        }
        return LanguageStatus(language: code, sourcesFile: Paths.join(folder, SourceFingerprints.fileName), parts: parts)
    }

    /// `language.yaml`, then each page in the reference language's order, walked against the reference.
    static func walks(of content: LanguageContent, against original: LanguageContent, site: Site) -> [(String, String, FieldWalk)] {
        let empty = FieldWalk(language: content.language.code, referenceLanguage: original.language.code,
                              equivalents: site.settings.equivalents)
        let stringsFile = Paths.join(folder(of: content), LanguageFolder.stringsFile)
        var strings = empty
        strings.strings(original.strings, content.strings, file: stringsFile)
        var walks = [(SourceFingerprints.languagePart, stringsFile, strings)]
        if let shared = original.contacts, let translated = content.contacts {
            var walk = empty
            walk.contacts(shared, translated)
            walks.append((SourceFingerprints.contactsPart, translated.file, walk))
        }
        for page in original.pages {
            guard let translation = content.page(id: page.id) else { continue }
            var walk = empty
            walk.page(page, translation)
            walks.append((page.id, translation.file, walk))
        }
        return walks
    }

    /// The language's folder, as the user named the content folder.
    static func folder(of content: LanguageContent) -> String {
        guard let file = content.pages.first?.file, let slash = file.lastIndex(of: "/") else { return content.language.code }
        return String(file[..<slash])
    }

    /// Language → where its untranslated fields are: what a preview marks.
    public static func untranslatedPlaces(_ site: Site) -> [String: Set<SourceLocation>] {
        Dictionary(uniqueKeysWithValues: report(site).languages.map { language in
            (language.language, Set(language.parts.flatMap { $0.fields.filter { $0.state == .untranslated }.map(\.location) }))
        })
    }
}
