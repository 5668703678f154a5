import Foundation
import HelpSiteModel

extension ContentReader {
    /// `link_check:` in site.yaml, optional: `exclude:` lists regular expressions.
    /// Each is compiled here, so that a pattern that does not parse is reported
    /// with its line instead of failing the link check later.
    mutating func linkCheckSettings(_ fields: Fields) -> LinkCheckSettings {
        guard let node = fields["link_check"],
              let settings = self.fields(node, what: "the link check settings", keys: ["exclude"]) else {
            return LinkCheckSettings()
        }
        let patterns = textList(settings, "exclude", required: false).filter { pattern in
            do {
                _ = try NSRegularExpression(pattern: pattern.value)
                return true
            } catch {
                diagnostics.error("exclude pattern '\(pattern.value)' is not a regular expression; escape . ? + * ( ) [ ] with \\",
                                  at: pattern.location)
                return false
            }
        }
        return LinkCheckSettings(exclude: patterns)
    }
}
