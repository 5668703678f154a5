import HelpSiteModel

/// How far each translation is from the reference: `TranslationStatus.report`'s answer.
public struct StatusReport: Sendable {
    public var reference: String
    /// One per translation, in site.yaml's order.
    public var languages: [LanguageStatus]

    /// Stale, missing, untranslated or unreviewed fields: what `status --strict` refuses.
    /// Facts that are not localised do not count: the content declares them.
    public var isReleasable: Bool {
        languages.allSatisfy { $0.parts.allSatisfy { $0.blocking == 0 } }
    }
}

public struct LanguageStatus: Sendable {
    public var language: String
    /// Its `.sources.yaml`, present or not.
    public var sourcesFile: String
    /// `language.yaml` first, then the pages in the reference language's order.
    public var parts: [PartStatus]
}

/// One page of a translation, or its `language.yaml` (part `language`).
public struct PartStatus: Sendable {
    /// A page id, or `language`.
    public var part: String
    /// The translation's file.
    public var file: String
    /// Every text field of the reference, in the file's order.
    public var fields: [FieldStatus]
    /// Facts shown in the reference language's form.
    public var notLocalised: [FieldStatus]
    /// The page's date of last update (its reference's), as `2026-01-03`; nil for a page
    /// without one, and for `language.yaml` and `contacts.yaml`.
    public var updated: String?

    public func count(_ state: FieldStatus.State) -> Int {
        state == .notLocalised ? notLocalised.count : fields.count { $0.state == state }
    }

    /// Fields the translation has in its own words (neither missing nor untranslated), in
    /// whole percent rounded down: 100 means every one.
    public var completePercent: Int {
        guard !fields.isEmpty else { return 100 }
        let complete = fields.count { $0.state != .missing && $0.state != .untranslated }
        return complete * 100 / fields.count
    }

    /// Fields that make `status --strict` fail.
    public var blocking: Int {
        fields.count { $0.state != .current }
    }
}

public struct FieldStatus: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable {
        /// Accepted from the reference text as it still is.
        case current
        /// Accepted from a reference text that has changed since.
        case stale
        /// Translated (it differs from the reference) but never accepted.
        case unreviewed
        /// Still the reference text, not accepted as it is.
        case untranslated
        /// The reference has it, the translation does not.
        case missing
        /// A fact in the reference language's form (`not_localised: true`, or no declared form).
        case notLocalised = "not-localised"
    }

    /// `steps.mediation.body`.
    public var key: String
    public var state: State
    /// In the translation; for a missing field, the nearest place that exists.
    public var location: SourceLocation
    /// The reference language's text or fact.
    public var reference: SourceLocation
    /// What the reference text's fingerprint is now: what `--accept` records.
    public var fingerprint: String
    /// For a fact that is not localised: why.
    public var reason: String?
}
