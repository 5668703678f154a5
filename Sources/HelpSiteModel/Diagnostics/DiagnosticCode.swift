/// The kind of a problem, as a stable machine-readable name: what the JSON, GitHub and
/// JUnit outputs carry. A public contract: every case is documented in
/// docs/reference/diagnostics.md, and a test holds the two equal.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// A file cannot be read as content: a YAML error, an unknown key, a missing key, a bad value, a page missing in one language, two pages of one language with one slug.
    case contentInvalid = "content.invalid"

    /// The same fact has another value in the translation: a phone number, e-mail or web address, postal code, number, box, building, opening hours, or the languages of a contact block.
    case factDiffers = "fact.differs"
    /// The translation has a fact the reference does not.
    case factExtra = "fact.extra"
    /// A phone number, e-mail address or web address in the prose cannot be right in any language, or a link uses `javascript:`, `vbscript:`, `data:` or `file:`.
    case factInvalid = "fact.invalid"
    /// A link, in the text or a contact, to an address that `banned_links` in `site.yaml` bans, with the reason.
    case factBanned = "fact.banned"
    /// A link's text names a site (`www.fsma.be`, `consumerconnect.be`) and the link leads to another.
    case factLinkDomain = "fact.link.domain"
    /// The reference has the fact; the translation does not.
    case factMissing = "fact.missing"
    /// A number in the prose has another value in the translation (`6 jours ouvrables` for `5 werkdagen`).
    case factNumberDiffers = "fact.number.differs"
    /// A number in the prose has the same value but another unit in the translation (`5 jours` for `5 werkdagen`).
    case factNumberUnit = "fact.number.unit"
    /// A number in the prose has no counterpart in the same part of the other language.
    case factNumberUnpaired = "fact.number.unpaired"
    /// The street or city differs and is not declared in `place_names` in `site.yaml`.
    case factUndeclared = "fact.undeclared"

    /// A page that declares a rule (`rules: [complaints]`) lacks one of the rule's elements in a language.
    case ruleMissing = "rule.missing"
    /// A page's date of last update is older than `review_every` in `site.yaml` (a warning).
    case pageReview = "page.review"

    /// The translation has a step, section, contact block, channel or address the reference does not.
    case structureExtra = "structure.extra"
    /// A channel is of one kind in one language and another kind in another (a phone in Dutch, an e-mail in French).
    case structureKind = "structure.kind"
    /// A step, section, contact block, channel or address is missing in the translation.
    case structureMissing = "structure.missing"
    /// The steps are in a different order.
    case structureOrder = "structure.order"

    /// An address of `content/published.txt` that the build would no longer serve: no page has it, and `redirects:` in `site.yaml` does not say where it goes.
    case addressDropped = "address.dropped"
    /// A redirect of `site.yaml` that cannot be served: to a page or address that does not exist, from an address a page still has, or from an address in no language folder to a page id.
    case addressRedirect = "address.redirect"

    /// An address of `content/published.txt` that the built or served site no longer serves, as a page or a redirect to one.
    case linkDropped = "link.dropped"
    /// An external address answers 200 with a short page whose title or first heading says the page is not found (a soft 404).
    case linkSoft404 = "link.soft404"

    /// A fact that `outside_facts:` in `site.yaml` says an outside organisation's page must show is no longer on that page.
    case outsideChanged = "outside.changed"

    /// A `#fragment` names no `id` (or `<a name>`) on the target page.
    case linkAnchor = "link.anchor"
    /// An internal link or asset leads to no file.
    case linkBroken = "link.broken"
    /// The cache file could not be read (it is replaced) or written.
    case linkCache = "link.cache"
    /// A content file did not read, so the content lines of its links are not named.
    case linkContent = "link.content"
    /// A page lacks `<link rel="alternate" hreflang>` for a translation, or for itself.
    case linkHreflangIncomplete = "link.hreflang.incomplete"
    /// An `hreflang` is not the target's `<html lang>`.
    case linkHreflangMismatch = "link.hreflang.mismatch"
    /// A page names an alternate that does not name it back.
    case linkHreflangReciprocal = "link.hreflang.reciprocal"
    /// A link uses `http:`.
    case linkInsecure = "link.insecure"
    /// A link runs `javascript:`.
    case linkJavascript = "link.javascript"
    /// A `mailto:` holds no valid e-mail address.
    case linkMailto = "link.mailto"
    /// A link climbs above the site's root with `../`.
    case linkOutside = "link.outside"
    /// A permanent redirect (301, 308).
    case linkRedirected = "link.redirected"
    /// A `tel:` is not an E.164 number (`tel:+3223707711`).
    case linkTel = "link.tel"
    /// A page does not link (`<a href>`) to one of its translations.
    case linkTranslationMissing = "link.translation.missing"
    /// The server kept answering `429 Too Many Requests`.
    case linkUndecided = "link.undecided"
    /// There is no public folder (or it cannot be read), or the `--url` server does not answer.
    case linkUnreachable = "link.unreachable"
    /// A page of the built site cannot be read.
    case linkUnreadable = "link.unreadable"
}
