import HelpSiteModel

/// Every link into the site reaches a file, and every `#fragment` an id on the target page.
struct InternalLinkRule: OfflineRule {
    func check(_ context: OfflineContext, into findings: inout OfflineFindings) {
        for link in context.links {
            switch link.target {
            case .outside:
                findings.problems.append(context.problem(
                    .error, .linkOutside, "link '\(link.link.url)' leads outside \(context.folder.root)/: it climbs above the site's root with ../",
                    at: link))
            case .internalFile(nil, let wanted, _):
                findings.record(link.key, .broken)
                findings.problems.append(context.problem(
                    .error, .linkBroken, "broken link '\(link.link.url)': \(context.folder.display(wanted)) does not exist", at: link))
            case .internalFile(let path?, _, let fragment?):
                guard !fragment.isEmpty, let target = context.pageIndex[path], !context.folder.pages[target].ids.contains(fragment),
                      !Self.alwaysFound(fragment) else { continue }
                findings.record(link.key, .broken)
                let written = link.link.url.hasPrefix("#") ? "" : " in '\(link.link.url)'"
                var message = "broken anchor '#\(fragment)'\(written): \(context.folder.display(path)) has no element with id '\(fragment)'"
                if let nearest = Self.nearest(fragment, in: context.folder.pages[target].ids) { message += "; did you mean '#\(nearest)'?" }
                findings.problems.append(context.problem(.error, .linkAnchor, message, at: link))
            default:
                continue
            }
        }
    }

    /// `#top` scrolls to the top of any page, as the HTML standard says.
    static func alwaysFound(_ fragment: String) -> Bool {
        fragment.lowercased() == "top"
    }

    static func nearest(_ fragment: String, in ids: Set<String>) -> String? {
        guard let best = ids.min(by: { (editDistance(fragment, $0), $0) < (editDistance(fragment, $1), $1) }),
              editDistance(fragment, best) <= max(2, fragment.count / 3) else { return nil }
        return best
    }
}

/// `mailto:` holds an e-mail address, `tel:` an E.164 number, and nothing runs script.
struct AddressRule: OfflineRule {
    func check(_ context: OfflineContext, into findings: inout OfflineFindings) {
        // Ten thousand pages repeat the same few addresses: judge each once.
        var mailto: [String: String?] = [:], tel: [String: String?] = [:]
        for link in context.links {
            switch link.target {
            case .javascript:
                findings.problems.append(context.problem(
                    .error, .linkJavascript, "javascript: link '\(link.link.url)': link to a real address (script links do nothing without JavaScript and are blocked by a content security policy)",
                    at: link))
            case .mailto(let rest):
                let verdict = mailto[rest] ?? MailtoAddress.problem(rest)
                mailto[rest] = verdict
                guard let problem = verdict else { continue }
                findings.record(link.key, .broken)
                findings.problems.append(context.problem(.error, .linkMailto, "mailto: link '\(link.link.url)' \(problem)", at: link))
            case .tel(let rest):
                let verdict = tel[rest] ?? TelephoneNumber.problem(rest, region: context.phoneRegion)
                tel[rest] = verdict
                guard let problem = verdict else { continue }
                findings.record(link.key, .broken)
                findings.problems.append(context.problem(.error, .linkTel, "tel: link '\(link.link.url)' \(problem)", at: link))
            default:
                continue
            }
        }
    }
}

/// `http:` where the site could use `https:`: browsers mark such pages and forms as not secure.
struct InsecureLinkRule: OfflineRule {
    func check(_ context: OfflineContext, into findings: inout OfflineFindings) {
        for link in context.links where link.link.url.utf8.prefix(5).map(HTMLTokenizer.lowercased).elementsEqual("http:".utf8) {
            guard !context.exclusion.excludes(link.link.url), !LocalHosts.isLocal(link.link.url) else { continue }
            let secure = "https" + link.link.url.dropFirst(4)
            findings.problems.append(context.problem(
                .warning, .linkInsecure, "insecure link '\(link.link.url)': use '\(secure)' (https is expected for every address on the web)",
                at: link))
        }
    }
}
