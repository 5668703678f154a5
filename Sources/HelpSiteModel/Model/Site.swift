/// Everything the content folder says, read and checked for shape.
public struct Site: Sendable {
    public var settings: SiteSettings
    /// One entry per language of `settings.languages`, in that order.
    public var languages: [LanguageContent]
    /// Of site.yaml's text.
    public var fingerprint = Fingerprint()

    public init(settings: SiteSettings, languages: [LanguageContent]) {
        self.settings = settings
        self.languages = languages
    }

    /// The reference language's content (nl for the shipped site).
    public var reference: LanguageContent? {
        languages.first { $0.language.code == settings.referenceLanguage }
    }

    /// The ids of all pages, in the reference language's order.
    public var pageIDs: [String] {
        (reference ?? languages.first)?.pages.map(\.id) ?? []
    }

    /// The same site with other pages: for each language, in order, the pages of each group
    /// (`groups[g][l]` are group g's pages in language l), one group after the other.
    package func replacingPages(byLanguage groups: [[[Page]]]) -> Site {
        var site = self
        site.languages = languages.enumerated().map { index, content in
            content.replacingPages(groups.flatMap { $0[index] })
        }
        return site
    }

    /// The same site with only the pages (in every language) whose id `keep` accepts.
    package func keepingPages(_ keep: (String) -> Bool) -> Site {
        var site = self
        site.languages = languages.map { $0.replacingPages($0.pages.filter { keep($0.id) }) }
        return site
    }
}

/// `content/site.yaml`: what is true for every language.
public struct SiteSettings: Sendable {
    public var name: Located<String>
    /// Always ends in `/`.
    public var baseURL: Located<String>
    /// ISO 3166 region whose national phone numbers are read without a country code.
    public var phoneRegion: Located<String>
    public var languages: [Language]
    /// Facts written differently per language that are nonetheless the same fact.
    public var equivalents: FactEquivalents
    /// `redirects:`: where each address the site no longer has a page at now goes.
    public var redirects: [Redirect] = []
    /// `outside_facts:`: pages of outside organisations and the facts they must still show.
    public var outsideFacts: [OutsidePage] = []
    /// `link_check:`: what `helpsite links` leaves alone.
    public var linkCheck = LinkCheckSettings()
    /// `navigation:`: the groups of pages each language's home page lists, in order.
    public var navigation: [NavigationGroup] = [] {
        didSet { groupIndex = Self.index(navigation) }
    }
    /// Page id → the index in `navigation` of its group: made once, when the navigation is
    /// set, since every group of pages a build renders asks it.
    private var groupIndex: [String: Int] = [:]
    /// `banned_links:`: addresses no page may link to, each with its reason.
    public var bannedLinks: [BannedLink] = []
    /// `review_every:`: how old a page's date may be before `helpsite check` warns.
    public var reviewEvery: Located<ReviewPeriod>?

    public init(
        name: Located<String>, baseURL: Located<String>, phoneRegion: Located<String>, languages: [Language],
        equivalents: FactEquivalents = FactEquivalents()
    ) {
        self.name = name
        self.baseURL = baseURL
        self.phoneRegion = phoneRegion
        self.languages = languages
        self.equivalents = equivalents
    }

    public var referenceLanguage: String {
        (languages.first { $0.isReference } ?? languages.first)?.code ?? ""
    }
}

public struct Language: Sendable, Hashable {
    /// BCP 47 code, as used in `lang` and `hreflang`: `nl`, `fr`, `en`.
    public var code: String
    /// The language's own name for itself: `Nederlands`, `Français`.
    public var name: String
    public var isReference: Bool
    public var location: SourceLocation

    public init(code: String, name: String, isReference: Bool, location: SourceLocation) {
        self.code = code
        self.name = name
        self.isReference = isReference
        self.location = location
    }
}

/// One language's folder: its interface text and its pages.
public struct LanguageContent: Sendable {
    public var language: Language
    public var strings: LanguageStrings
    /// Of language.yaml's text.
    public var fingerprint = Fingerprint()
    /// `.sources.yaml`: what each translated field was translated from; `nil` when the
    /// folder has none (the reference language, or a translation never accepted).
    public var sources: SourceFingerprints?
    /// `contacts.yaml`, when the language has one: the contacts its pages name by id.
    public var contacts: SharedContacts?
    public private(set) var pages: [Page]
    /// Page id → its index in `pages`: sites of thousands of pages look pages up by id a lot.
    private var index: [String: Int]

    /// The same language with other pages.
    public func replacingPages(_ pages: [Page]) -> LanguageContent {
        var content = LanguageContent(language: language, strings: strings, pages: pages)
        content.fingerprint = fingerprint
        content.sources = sources
        content.contacts = contacts
        return content
    }

    public init(language: Language, strings: LanguageStrings, pages: [Page]) {
        self.language = language
        self.strings = strings
        self.pages = pages
        index = Dictionary(pages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func page(id: String) -> Page? {
        index[id].map { pages[$0] }
    }

    /// Whether the language has the page, without copying it (`page(id:)` copies every field).
    public func hasPage(id: String) -> Bool {
        index[id] != nil
    }

    /// Where the page is in `pages`, to read a field of it without copying the whole page.
    public func position(ofPage id: String) -> Int? {
        index[id]
    }

    /// The page's date of last update, without copying the page.
    public func updated(ofPage id: String) -> Located<CalendarDate>? {
        index[id].flatMap { pages[$0].updated }
    }
}

/// A group of pages of the navigation (`site.yaml`), titled in each language's
/// `language.yaml` under `navigation:`.
public struct NavigationGroup: Sendable {
    public var id: Located<String>
    /// Page ids, in the order the group lists them.
    public var pages: [Located<String>]

    public init(id: Located<String>, pages: [Located<String>]) {
        self.id = id
        self.pages = pages
    }
}

extension SiteSettings {
    /// The navigation group of a page, if it is in one (the first that lists it).
    package func group(ofPage id: String) -> NavigationGroup? {
        groupIndex[id].map { navigation[$0] }
    }

    private static func index(_ navigation: [NavigationGroup]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, group) in navigation.enumerated() {
            for page in group.pages where index[page.value] == nil { index[page.value] = position }
        }
        return index
    }
}
