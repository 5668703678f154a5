import HelpSiteModel

/// A translation set beside its reference: what every cross-language rule looks at.
struct PagePair: Sendable {
    let reference: Page
    let translation: Page
    /// Language codes: `nl`, and `fr` or `en`.
    let referenceLanguage: String
    let language: String
    let equivalents: FactEquivalents
    let region: String
    /// The facts in each page's prose, found once per page and shared by every pair it is in.
    let referenceProse: [ProseRule.Part]
    let translationProse: [ProseRule.Part]
    /// The numbers in each page's prose, part by part.
    var referenceNumbers: [NumberPart] = []
    var translationNumbers: [NumberPart] = []
    /// Whether both languages have a table of number words and units (`NumberWords`); if one
    /// has not, numbers are compared by their digits alone.
    var numbersInWords = true
    /// site.yaml's url_variants in normal form, worked out once per check.
    let urlVariants: URLVariants
    /// The sections, paired by id; then the contact blocks written in the page and their
    /// channels present in both languages. Paired once, here: several rules walk them.
    /// (A shared contact is compared once, in its `contacts.yaml`, not in every page.)
    package let sections: Matched<Section>
    /// What a section is called in messages: `step` in a procedure, `question` in a FAQ.
    let sectionNoun: String
    let blocks: [(reference: ContactBlock, translation: ContactBlock)]
    let channels: [(reference: Channel, translation: Channel)]

    init(reference: Page, translation: Page, referenceLanguage: String, language: String, equivalents: FactEquivalents,
         region: String, referenceProse: [ProseRule.Part], translationProse: [ProseRule.Part], urlVariants: URLVariants) {
        self.reference = reference
        self.translation = translation
        self.referenceLanguage = referenceLanguage
        self.language = language
        self.equivalents = equivalents
        self.region = region
        self.referenceProse = referenceProse
        self.translationProse = translationProse
        self.urlVariants = urlVariants
        sections = Matched(reference.sections, translation.sections) { $0.id.value }
        sectionNoun = reference.isSharedContacts ? "contact"
            : reference.layout.value == .procedure ? "step" : reference.layout.value == .faq ? "question" : "section"
        blocks = sections.pairs.flatMap { Matched($0.reference.contacts, $0.translation.contacts) { $0.id.value }.pairs }
        channels = blocks.flatMap { Matched($0.reference.channels, $0.translation.channels) { $0.id.value }.pairs }
    }

    /// `phone +3223707712 differs from nl +3223707711 (content/nl/complaints.yaml:55:11)`.
    func differs(_ kind: Fact.Kind, _ value: String, at location: SourceLocation, from original: String,
                 at originalLocation: SourceLocation, hint: String = "") -> Diagnostic {
        Diagnostic(.error, "\(kind.name) \(value) differs from \(referenceLanguage) \(original) (\(originalLocation))\(hint)",
                   at: location, code: .factDiffers, related: [originalLocation])
    }

    /// `e-mail services4you@… of nl is missing in fr (content/nl/…)`, reported where the translation should have it.
    func missing(_ what: String, at location: SourceLocation, original: SourceLocation, code: DiagnosticCode = .factMissing,
                 plural: Bool = false) -> Diagnostic {
        Diagnostic(.error, "\(what) of \(referenceLanguage) \(plural ? "are" : "is") missing in \(language) (\(original))",
                   at: location, code: code, related: [original])
    }

    /// `phone +32… is extra in en: nl does not have it`.
    func extra(_ what: String, at location: SourceLocation, code: DiagnosticCode = .factExtra, plural: Bool = false) -> Diagnostic {
        Diagnostic(.error, "\(what) \(plural ? "are" : "is") extra in \(language): \(referenceLanguage) does not have \(plural ? "them" : "it")",
                   at: location, code: code)
    }

    /// The reference form of a translation's value, through the declarations of site.yaml:
    /// `Avenue du Bourget` in fr is `Bourgetlaan`; an undeclared value stays as it is.
    func referenceForm(of value: String, in entries: [FactEquivalents.Entry], normalise: (String) -> String = { $0 }) -> String {
        for entry in entries {
            if let form = entry[language], normalise(form.value) == normalise(value), let original = entry[referenceLanguage] {
                return normalise(original.value)
            }
        }
        return normalise(value)
    }
}

/// One cross-language rule: given a page and its translation, what does not agree.
protocol PairRule: Sendable {
    func check(_ pair: PagePair) -> [Diagnostic]
}

/// The declared per-language web addresses in normal form, so that rules compare
/// without parsing the same declarations again for every page.
struct URLVariants: Sendable {
    /// Normal reference form → its entry.
    let byReference: [String: FactEquivalents.Entry]
    /// Language → (normal form in that language → normal reference form).
    let toReference: [String: [String: String]]

    init(_ equivalents: FactEquivalents, reference: String) {
        var byReference: [String: FactEquivalents.Entry] = [:]
        var toReference: [String: [String: String]] = [:]
        for entry in equivalents.urlVariants {
            guard let original = entry[reference] else { continue }
            let normal = Normal.url(original.value) ?? original.value
            byReference[normal] = byReference[normal] ?? entry
            for (language, form) in entry {
                toReference[language, default: [:]][Normal.url(form.value) ?? form.value] = normal
            }
        }
        self.byReference = byReference
        self.toReference = toReference
    }
}
