import HelpSiteModel

/// `helpsite export-xliff`: a language's texts, with the reference language's, as XLIFF 2.1
/// for the translator's CAT tool (Trados, memoQ, Phrase, Weblate).
public enum XLIFFExport {
    /// The XLIFF document for `language` of a loaded site, or why there is none.
    /// - Parameter contentDirectory: the folder `site` was loaded from, as the user named it.
    public static func document(site: Site, language: String, contentDirectory: String) -> (xliff: String?, diagnostics: Diagnostics) {
        if let problem = problem(with: language, in: site) {
            return (nil, Diagnostics([problem]))
        }
        let (files, diagnostics) = TranslationUnits.files(of: site, language: language, contentDirectory: contentDirectory)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let xliff = XLIFFWriter.document(files, sourceLanguage: site.settings.referenceLanguage, targetLanguage: language)
        return (xliff, diagnostics)
    }

    /// A language that is not a translation of the site: not declared, or the reference itself.
    static func problem(with language: String, in site: Site, at location: SourceLocation? = nil) -> Diagnostic? {
        let codes = site.settings.languages.map(\.code)
        let reference = site.settings.referenceLanguage
        let place = location ?? site.settings.languages.first?.location ?? SourceLocation(file: "site.yaml")
        if !codes.contains(language) {
            let translations = codes.filter { $0 != reference }.joined(separator: ", ")
            return .error("'\(language)' is not a language of the site; its translations are: \(translations)", at: place)
        }
        if language == reference {
            return .error("'\(language)' is the reference language; the texts are translated from it, not into it", at: place)
        }
        return nil
    }
}
