import Foundation
import HelpSiteLinks

/// A soft 404: a server that answers 200 for a page that is gone, with a page that says so.
/// `URLProbe` asks only of a short page (whose whole body arrived within the read limit):
/// its `<title>` or first `<h1>` must say "not found" in one of the words below. A long
/// page that mentions a 404 in its title (an article about them) is never one.
enum SoftNotFound {
    /// Folded (lower case, no accents); English, Dutch, French, German.
    static let phrases = [
        "not found", "404", "no longer exists", "does not exist", "doesn't exist", "cannot be found", "can't be found",
        "niet gevonden", "bestaat niet", "niet meer beschikbaar", "introuvable", "n'existe pas", "n'existe plus",
        "non trouvee", "nicht gefunden", "existiert nicht",
    ]

    /// The title or heading that says "not found", if one does.
    static func heading(in bytes: [UInt8]) -> String? {
        let page = HTMLText(bytes)
        return [page.title, page.firstHeading].compactMap { $0 }.first { heading in
            let folded = " " + heading.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: "’", with: "'") + " "
            return phrases.contains { phrase in
                guard let found = folded.range(of: phrase) else { return false }
                // Whole words: "4040" or "foundation" are not it.
                let before = folded[..<found.lowerBound].last, after = folded[found.upperBound...].first
                return !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false)
            }
        }
    }
}
