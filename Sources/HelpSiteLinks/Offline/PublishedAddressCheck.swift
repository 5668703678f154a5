import HelpSiteModel

/// Whether the site still serves every address of the ledger (`content/published.txt`):
/// a page there, a redirect page there (`public/`), or, for a served site, a redirect to a
/// page the server serves. An address that is not is `link.dropped`, at the ledger's line.
package enum PublishedAddressCheck {
    package static func problems(_ ledger: PublishedAddresses, in folder: PublicFolder, servedAt: String?) -> [LinkProblem] {
        ledger.entries.compactMap { entry in
            guard !serves(entry.address, folder) else { return nil }
            let message = servedAt.map { "\(entry.address) (page '\(entry.page)') was published, and \($0) no longer serves it: it answers with neither a page nor a redirect to one" }
                ?? "\(entry.address) (page '\(entry.page)') was published, and \(folder.root)/ no longer serves it: there is no \(folder.display(entry.address + "index.html")), neither the page nor a redirect page; rebuild with a redirect of it under redirects: in site.yaml"
            let location = SourceLocation(file: ledger.file, line: entry.line, column: 1)
            return LinkProblem(Diagnostic(.error, message, at: location, code: .linkDropped), link: entry.address)
        }
    }

    private static func serves(_ address: String, _ folder: PublicFolder) -> Bool {
        var current = address
        var seen: Set<String> = []
        while seen.insert(current).inserted {
            if folder.files.contains(current + "index.html") { return true }
            guard let next = folder.redirects[current] else { return false }
            current = next.hasSuffix("/") || next.isEmpty ? next : next + "/"
        }
        return false
    }
}
