import HelpSiteModel

/// A page's date of last update and its rules are the reference language's: a translation
/// leaves them out or repeats them as they are (it shows the reference's date), and every
/// language says how it writes a date when a page has one.
enum DateRule {
    static func check(_ reference: Page, referenceLanguage: String, in languages: [LanguageContent]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let referenceFile = SourceLocation(file: reference.file)
        for content in languages {
            let code = content.language.code
            if let updated = reference.updated, content.strings.dates == nil {
                found.append(Diagnostic(
                    .error, "page '\(reference.id)' is dated, but the language.yaml of \(code) has no dates: (months, format, updated); add them to show the date in \(code)",
                    at: updated.location, code: .structureMissing))
            }
            guard code != referenceLanguage, let page = content.page(id: reference.id) else { continue }
            // A translation may repeat them, as it may repeat its layout (new-language copies them).
            if let updated = page.updated, updated.value != reference.updated?.value {
                found.append(Diagnostic(
                    .error, "the date of last update is kept in the \(referenceLanguage) file (\(reference.file)); remove 'updated' here, or write the \(referenceLanguage) date: every language shows it",
                    at: updated.location, code: .structureExtra, related: [reference.updated?.location ?? referenceFile]))
            }
            if let rule = page.rules.first, page.rules.map(\.value) != reference.rules.map(\.value) {
                found.append(Diagnostic(
                    .error, "a page's rules are declared in the \(referenceLanguage) file (\(reference.file)); remove 'rules' here, or repeat them as they are",
                    at: rule.location, code: .structureExtra, related: [reference.rules.first?.location ?? referenceFile]))
            }
        }
        return found
    }
}

/// `review_every:` in site.yaml: a page whose date is older than that is due for review.
public enum ReviewRule {
    /// A warning for each page (of the reference language) due for review on `today`.
    public static func check(_ site: Site, today: CalendarDate) -> Diagnostics {
        guard let period = site.settings.reviewEvery, let reference = site.reference else { return Diagnostics() }
        var found = Diagnostics()
        for page in reference.pages {
            guard let updated = page.updated else {
                found.append(Diagnostic(
                    .warning, "page '\(page.id)' has no date of last update, so it cannot be reviewed every \(period.value) (review_every in site.yaml): add 'updated: YYYY-MM-DD'",
                    at: page.title.location, code: .pageReview, related: [period.location]))
                continue
            }
            guard updated.value.adding(months: period.value.months) < today else { continue }
            found.append(Diagnostic(
                .warning, "page '\(page.id)' was last updated on \(updated.value), more than \(period.value) ago (review_every in site.yaml): review it, then set 'updated' to the day of the review",
                at: updated.location, code: .pageReview, related: [period.location]))
        }
        return found
    }
}
