/// What `content/<lang>/.sources.yaml` records for a translation: for each
/// translated field, a fingerprint of the reference text it was translated from.
/// The file is written by `helpsite status --accept` and `helpsite new-language`,
/// never by hand; `TranslationStatus` compares it with the reference as it is now.
public struct SourceFingerprints: Sendable, Equatable {
    /// What is known about one field of the translation.
    public enum Entry: Sendable, Hashable {
        /// Reviewed as a translation of the reference text with this fingerprint (`TextFingerprint`).
        case source(String)
        /// Copied from the reference language by `new-language`, not translated yet.
        case untranslated
    }

    /// The file's name in a translation's folder. It starts with a dot, so that a
    /// translator listing the folder sees only the pages.
    public static let fileName = ".sources.yaml"
    /// The part of a language that is its `language.yaml`; every other part is a page id.
    public static let languagePart = "language"
    /// The part of `contacts.yaml`.
    public static let contactsPart = "contacts"

    /// The reference language the fingerprints are of.
    public var reference: String
    /// Part (`language` or a page id) → field key (`steps.mediation.body`) → entry.
    public var parts: [String: [String: Entry]]

    public init(reference: String, parts: [String: [String: Entry]] = [:]) {
        self.reference = reference
        self.parts = parts
    }

    public func entry(part: String, field: String) -> Entry? {
        parts[part]?[field]
    }
}
