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
        // What a page declares (its rules) and what it links to, read in each language.
        let banned = site.settings.bannedLinks
        for (code, page) in pages where !page.isSharedContacts {
            diagnostics.append(contentsOf: Diagnostics(BannedLinkRule.check(page, prose: prose[code + "/" + page.id] ?? [], banned: banned)))
        }
        for page in reference.pages where !page.isSharedContacts {
            diagnostics.append(contentsOf: Diagnostics(ComplaintsRule.check(page, in: site.languages)))
            diagnostics.append(contentsOf: Diagnostics(DateRule.check(page, referenceLanguage: reference.language.code, in: site.languages)))
        }
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

    /// Each language's `contacts.yaml` against the reference language's, contact by contact,
    /// with the rules of a page: a shared contact is compared once, where it is written,
    /// however many pages show it.
    public static func checkSharedContacts(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        guard let reference = site.reference else { return diagnostics }
        func page(_ content: LanguageContent) -> Page? {
            guard let contacts = content.contacts else { return nil }
            let file = SourceLocation(file: contacts.file)
            return Page(id: "contacts", file: contacts.file, slug: Located("", at: file), title: Located("", at: file),
                        description: Located("", at: file), layout: Located(.contact, at: file), intro: nil,
                        sections: contacts.contacts.map { Section(id: $0.id, title: $0.organisation, blocks: [.contact($0)]) },
                        sectionsLocation: file)
        }
        let original = page(reference)
        for content in site.languages {
            if let contacts = content.contacts {
                diagnostics.append(contentsOf: Diagnostics(BannedLinkRule.check(contacts, banned: site.settings.bannedLinks)))
            }
        }
        for content in site.languages where content.language.code != reference.language.code {
            switch (original, page(content)) {
            case (let original?, let translation?):
                var only = site.keepingPages { _ in false }
                only.languages = [reference.replacingPages([original]), content.replacingPages([translation])]
                diagnostics.append(contentsOf: check(only, workers: 1))
            case (let original?, nil):
                diagnostics.append(Diagnostic(.error, "\(content.language.code) has no \(LanguageFolder.contactsFile); \(reference.language.code) shares its contacts in \(original.file)",
                                              at: SourceLocation(file: original.file), code: .structureMissing))
            case (nil, let translation?):
                diagnostics.append(Diagnostic(.error, "\(translation.file) is extra in \(content.language.code): \(reference.language.code) has no \(LanguageFolder.contactsFile)",
                                              at: SourceLocation(file: translation.file), code: .structureExtra))
            case (nil, nil): break
            }
        }
        return diagnostics
    }
}
