import HelpSiteModel

extension ContentReader {
    /// `content/<lang>/.sources.yaml`, as `helpsite status --accept` writes it:
    ///
    /// ```yaml
    /// reference: nl
    /// fields:
    ///   complaints:
    ///     steps.mediation.body: 3c0f5a9e1b7d2468
    ///     steps.mediation.title: untranslated
    /// ```
    mutating func sourceFingerprints(_ root: YAMLNode, reference expected: String) -> SourceFingerprints? {
        guard let fields = fields(root, what: "the sources file", keys: ["reference", "fields"]) else { return nil }
        let reference = text(fields, "reference")
        if let reference, reference.value != expected {
            diagnostics.error("these fingerprints are of '\(reference.value)', but the reference language is '\(expected)'; run helpsite status --accept again after review",
                              at: reference.location)
        }
        var parts: [String: [String: SourceFingerprints.Entry]] = [:]
        if let node = fields["fields"] {
            guard let mapping = node.mapping else {
                diagnostics.error("'fields' must be a mapping of page ids to fields, found \(describe(node))", at: location(of: node))
                return nil
            }
            for (key, value) in mapping {
                guard let part = key.scalar?.string, isPlainName(part) else {
                    diagnostics.error("'\(key.scalar?.string ?? "?")' is not a page id", at: location(of: key))
                    continue
                }
                parts[part] = entries(value, part: part)
            }
        } else {
            missing("fields", in: fields)
        }
        guard reference != nil, !diagnostics.hasErrors else { return nil }
        return SourceFingerprints(reference: expected, parts: parts)
    }

    private mutating func entries(_ node: YAMLNode, part: String) -> [String: SourceFingerprints.Entry] {
        guard let mapping = node.mapping else {
            diagnostics.error("the fields of '\(part)' must be a mapping of field keys to fingerprints, found \(describe(node))",
                              at: location(of: node))
            return [:]
        }
        var entries: [String: SourceFingerprints.Entry] = [:]
        for (key, value) in mapping {
            // Bytes, not Characters: Character's properties are Unicode lookups, run for every field.
            guard let field = key.scalar?.string, !field.isEmpty, field.utf8.allSatisfy({
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }) else {
                diagnostics.error("'\(key.scalar?.string ?? "?")' is not a field key such as steps.mediation.body", at: location(of: key))
                continue
            }
            guard let text = text(value, named: "'\(field)'") else { continue }
            if text.value == "untranslated" {
                entries[field] = .untranslated
            } else if text.value.utf8.count == 16, text.value.utf8.allSatisfy({
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
                    || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F"))
            }) {
                entries[field] = .source(text.value.lowercased())
            } else {
                diagnostics.error("'\(field)' must be a fingerprint of 16 hexadecimal digits or 'untranslated', found '\(text.value)'",
                                  at: text.location)
            }
        }
        return entries
    }
}
