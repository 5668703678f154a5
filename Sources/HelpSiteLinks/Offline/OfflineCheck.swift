import HelpSiteModel

/// What the rules found: problems, and the worst verdict of each distinct link.
package struct OfflineFindings: Sendable {
    package var problems: [LinkProblem] = []
    package var verdicts: [String: LinkVerdict] = [:]

    package mutating func record(_ key: String, _ verdict: LinkVerdict) {
        if let current = verdicts[key], current.rank >= verdict.rank { return }
        verdicts[key] = verdict
    }
}

extension LinkVerdict {
    /// The worse verdict wins when rules disagree about one link.
    var rank: Int {
        switch self {
        case .skipped: return 0
        case .ok: return 1
        case .redirected: return 2
        case .broken: return 3
        }
    }
}

/// One kind of offline check, each a small type: see `OfflineCheck.rules`.
protocol OfflineRule: Sendable {
    func check(_ context: OfflineContext, into findings: inout OfflineFindings)
}

package enum OfflineCheck {
    static let rules: [any OfflineRule] = [InternalLinkRule(), AddressRule(), InsecureLinkRule(), TranslationRule()]

    package static func run(_ context: OfflineContext) -> OfflineFindings {
        // The rules read the context and write their own findings: run them side by side.
        let all: [any OfflineRule] = [DefaultVerdicts()] + rules
        let results = parallelChunks(all.count) { range in
            range.map { index in
                var own = OfflineFindings()
                all[index].check(context, into: &own)
                return own
            }
        }
        var findings = OfflineFindings()
        for result in results {
            findings.problems += result.problems
            for (key, verdict) in result.verdicts { findings.record(key, verdict) }
        }
        return findings
    }
}

/// Every distinct link starts as what its kind makes it; the rules mark the broken ones.
struct DefaultVerdicts: OfflineRule {
    func check(_ context: OfflineContext, into findings: inout OfflineFindings) {
        for link in context.links {
            switch link.target {
            case .internalFile, .mailto, .tel: findings.record(link.key, .ok)
            case .external, .other: findings.record(link.key, .skipped)
            case .outside, .javascript: findings.record(link.key, .broken)
            }
        }
    }
}
