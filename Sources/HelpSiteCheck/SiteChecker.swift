import HelpSiteModel
import HelpSiteMarkdown

/// The check stage: proves that every address, phone number, e-mail, URL and
/// opening hour is present and the same, after normalisation, in every
/// language, and says exactly where one is not. It writes nothing.
public enum SiteChecker {
    /// One small rule per kind of fact; each returns what it found.
    static let rules: [any PairRule] = [StructureRule(), ChannelRule(), PostalAddressRule(), HoursRule(), ProseRule(), NumberRule()]

    /// - Parameter workers: pages checked at once; `nil` is one per core.
    /// - Parameter parses: keeps the Markdown documents read here for the renderer.
    public static func check(_ site: Site, workers: Int? = nil, parses: MarkdownParses? = nil) -> Diagnostics {
        var diagnostics = Diagnostics()
        guard let reference = site.reference else { return diagnostics }
        let region = site.settings.phoneRegion.value
        let reader = ProseFacts(region: region, parses: parses)
        let variants = URLVariants(site.settings.equivalents, reference: reference.language.code)
        // Each page's prose is read once, on every core, and shared by the pairs it is in.
        let pages = site.languages.flatMap { content in content.pages.map { (content.language.code, $0) } }
        let findings = pages.concurrentMap(workers: workers) { ProseRule.read($0.1, reader, numbers: NumberReader(language: $0.0)) }
        var parts: [String: [ProseRule.Part]] = [:]
        var numberParts: [String: [NumberPart]] = [:]
        for ((code, page), found) in zip(pages, findings) {
            diagnostics.append(contentsOf: Diagnostics(ProseRule.invalid(found.parts)))
            parts[code + "/" + page.id] = ProseRule.parts(found.parts, of: page)
            numberParts[code + "/" + page.id] = found.numbers
        }
        let prose = parts, numbers = numberParts
        let referenceReadsWords = NumberReader(language: reference.language.code).knowsWords
        // Each pair is made where it is checked and let go after: a pair holds its pages'
        // sections, blocks and channels paired, and a large site has tens of thousands of pairs.
        let pairs = reference.pages.flatMap { page in
            site.languages.compactMap { content -> (Page, Page, String)? in
                guard content.language.code != reference.language.code,
                      let translation = content.page(id: page.id) else { return nil } // a missing page: the loader reports it
                return (page, translation, content.language.code)
            }
        }
        let found = pairs.concurrentMap(workers: workers) { page, translation, code in
            var pair = PagePair(reference: page, translation: translation, referenceLanguage: reference.language.code,
                                language: code, equivalents: site.settings.equivalents, region: region,
                                referenceProse: prose[reference.language.code + "/" + page.id] ?? [],
                                translationProse: prose[code + "/" + page.id] ?? [], urlVariants: variants)
            pair.referenceNumbers = numbers[reference.language.code + "/" + page.id] ?? []
            pair.translationNumbers = numbers[code + "/" + page.id] ?? []
            pair.numbersInWords = referenceReadsWords && NumberReader(language: code).knowsWords
            return rules.flatMap { $0.check(pair) }
        }
        for findings in found {
            diagnostics.append(contentsOf: Diagnostics(findings))
        }
        return diagnostics
    }
}
