/// The check stage: proves that every address, phone number, e-mail, URL and
/// opening hour is present and the same, after normalisation, in every
/// language, and says exactly where one is not. It writes nothing.
public enum SiteChecker {
    /// One small rule per kind of fact; each returns what it found.
    static let rules: [any PairRule] = [StructureRule(), ChannelRule(), PostalAddressRule(), HoursRule(), ProseRule()]

    public static func check(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        guard let reference = site.reference else { return diagnostics }
        let region = site.settings.phoneRegion.value
        let reader = ProseFacts(region: region)
        var prose: [String: [ProseRule.Part]] = [:]
        for content in site.languages {
            for page in content.pages {
                let findings = ProseRule.findings(in: page, reader)
                diagnostics.append(contentsOf: Diagnostics(ProseRule.invalid(findings)))
                prose[content.language.code + "/" + page.id] = ProseRule.parts(findings, of: page)
            }
        }
        for page in reference.pages {
            for content in site.languages where content.language.code != reference.language.code {
                guard let translation = content.page(id: page.id) else { continue } // the loader reports it
                let pair = PagePair(reference: page, translation: translation, referenceLanguage: reference.language.code,
                                    language: content.language.code, equivalents: site.settings.equivalents, region: region,
                                    referenceProse: prose[reference.language.code + "/" + page.id] ?? [],
                                    translationProse: prose[content.language.code + "/" + page.id] ?? [])
                for rule in rules {
                    diagnostics.append(contentsOf: Diagnostics(rule.check(pair)))
                }
            }
        }
        return diagnostics
    }
}
