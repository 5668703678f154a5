import Foundation
import HelpSiteModel

extension ContentReader {
    /// `redirects:` in site.yaml, optional: a mapping of old addresses to a page id or a new
    /// address. Whether each end exists is known only once the pages are read: the build
    /// checks that (`Pipeline`); here each is checked for its form.
    mutating func redirects(_ fields: Fields, baseURL: String?) -> [Redirect] {
        guard let node = fields["redirects"] else { return [] }
        guard let mapping = node.mapping else {
            diagnostics.error("'redirects' must map each old address to a page id or a new address, such as 'fr/plaintes/: complaints', found \(describe(node))",
                              at: location(of: node))
            return []
        }
        var redirects: [Redirect] = []
        var seen: [String: SourceLocation] = [:]
        for (key, value) in mapping {
            guard let old = text(key, named: "an old address under 'redirects'"),
                  let target = text(value, named: "where '\(key.scalar?.string ?? "")' goes"),
                  let from = address(old, baseURL: baseURL, what: "an old address under 'redirects'") else { continue }
            if let first = seen[from] {
                diagnostics.error("\(from) is redirected twice", at: old.location, notes: [.init("first redirected here", at: first)])
                continue
            }
            seen[from] = old.location
            let looksLikeAddress = target.value.contains("/") || target.value.contains(":")
            if looksLikeAddress {
                guard let to = address(target, baseURL: baseURL, what: "the new address of \(from)") else { continue }
                redirects.append(Redirect(from: Located(from, at: old.location), to: Located(.address(to), at: target.location)))
            } else {
                redirects.append(Redirect(from: Located(from, at: old.location), to: Located(.page(target.value), at: target.location)))
            }
        }
        return redirects
    }

    /// An address of the site in the form the ledger writes it (`fr/plaintes/`), from that
    /// form, a path from the server's root (`/fr/plaintes/`) or a whole address under base_url.
    private mutating func address(_ written: Located<String>, baseURL: String?, what: String) -> String? {
        var text = written.value
        if let baseURL, text.lowercased().hasPrefix(baseURL.lowercased()) {
            text = String(text.dropFirst(baseURL.count))
        } else if text.contains("://") {
            diagnostics.error("\(what) '\(written.value)' is not under base_url \(baseURL ?? ""); write an address of this site, such as fr/plaintes/",
                              at: written.location)
            return nil
        } else if let baseURL, let root = URLComponents(string: baseURL)?.path, text.hasPrefix(root), root.hasSuffix("/") {
            text = String(text.dropFirst(root.count))
        }
        guard PublishedAddresses.isAddress(text) else {
            let hint = text.hasSuffix("/") || text.isEmpty ? "" : " (a page's address ends in /: \(text)/)"
            diagnostics.error("\(what) '\(written.value)' is not a page address such as fr/plaintes/\(hint)", at: written.location)
            return nil
        }
        return text
    }

    /// `outside_facts:` in site.yaml, optional: for each outside organisation, a page of
    /// theirs and which facts of its contact block must be on it.
    mutating func outsideFacts(_ fields: Fields) -> [OutsidePage] {
        list(fields, "outside_facts", required: false).compactMap { node -> OutsidePage? in
            guard let entry = self.fields(node, what: "an entry of 'outside_facts'", keys: ["contact", "page", "facts"]) else { return nil }
            let contact = text(entry, "contact")
            let page = text(entry, "page")
            let facts = textList(entry, "facts")
            if let page, URLComponents(string: page.value).map({ ["http", "https"].contains($0.scheme?.lowercased() ?? "") && $0.host?.isEmpty == false }) != true {
                diagnostics.error("'page' must be an absolute http(s) address of their site, found '\(page.value)'", at: page.location)
                return nil
            }
            guard let contact, let page, !facts.isEmpty else { return nil }
            return OutsidePage(contact: contact, page: page, facts: facts, location: entry.location)
        }
    }
}
