import HelpSiteModel
import HelpSiteContent

/// One content file's texts, each paired with its translation: what one `<file>` of an XLIFF document holds.
struct UnitFile {
    /// The page id (`complaints`), or `language` for `language.yaml` and `contacts` for
    /// `contacts.yaml`: no page is called that (those names are not page files).
    var id: String
    /// As the user named them: `content/nl/complaints.yaml`.
    var referenceFile: String
    var translationFile: String
    /// From the content folder, for the translator's notes: `nl/complaints.yaml`.
    var referenceName: String
    var translationName: String
    var units: [Unit]

    struct Unit {
        var id: String
        var source: TextField
        /// Nil when the translation has no such text (a step it lacks): `helpsite check` reports that.
        var target: TextField?
    }
}

/// Pairs every translatable text of the reference language with the same text in one translation.
enum TranslationUnits {
    static func files(of site: Site, language: String, contentDirectory: String) -> ([UnitFile], Diagnostics) {
        var diagnostics = Diagnostics()
        let reference = site.settings.referenceLanguage
        var names = site.pageIDs.map { ($0, "\($0).yaml", TranslatableText.page) }
        names.append((SourceFingerprints.languagePart, LanguageFolder.stringsFile, TranslatableText.language))
        if site.reference?.contacts != nil {
            names.append((SourceFingerprints.contactsPart, LanguageFolder.contactsFile, TranslatableText.contacts))
        }
        var files: [UnitFile] = []
        for (id, name, walk) in names {
            let referenceName = "\(reference)/\(name)", translationName = "\(language)/\(name)"
            let referenceFile = Paths.join(contentDirectory, referenceName)
            let translationFile = Paths.join(contentDirectory, translationName)
            guard let original = SiteLoader.parse(referenceFile, into: &diagnostics),
                  let translation = SiteLoader.parse(translationFile, into: &diagnostics) else { continue }
            let targets = Dictionary(walk(translation.node, translationFile).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let units = walk(original.node, referenceFile).map { UnitFile.Unit(id: $0.id, source: $0, target: targets[$0.id]) }
            files.append(UnitFile(id: id, referenceFile: referenceFile, translationFile: translationFile,
                                  referenceName: referenceName, translationName: translationName, units: units))
        }
        return (files, diagnostics)
    }
}
