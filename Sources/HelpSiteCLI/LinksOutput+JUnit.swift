import Foundation
import HelpSiteLinks
import HelpSiteModel

extension LinksOutput {
    /// JUnit XML, which CI systems show as tests: one test case per page (its
    /// errors are failures, its warnings system-out), and with --online one per
    /// external URL (broken or a changed outside fact: failure; skipped: skipped).
    /// Each finding's line ends with its code, `[link.soft404]`.
    static func junit(_ report: LinkReport) -> String {
        let onlineURLs = Set(report.urls.map(\.url))
        var byFile: [String: [LinkProblem]] = [:]
        var byURL: [String: [Diagnostic]] = [:]
        for problem in report.problems {
            // A finding about an external URL is its own test case below, not a failure of the page too.
            if let link = problem.link, case let url = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link, onlineURLs.contains(url) {
                byURL[url, default: []].append(problem.diagnostic)
                continue
            }
            byFile[problem.diagnostic.location.file, default: []].append(problem)
        }
        let files = (report.pages + byFile.keys.filter { !report.pages.contains($0) }.sorted())
        var pageCases: [String] = []
        for file in files {
            let problems = byFile[file] ?? []
            let errors = problems.filter { $0.diagnostic.severity == .error }.map(\.diagnostic)
            let warnings = problems.filter { $0.diagnostic.severity == .warning }.map(\.diagnostic)
            // One failure per test case, as JUnit readers expect; it lists every error of the page.
            var body = ""
            if let first = errors.first {
                let message = errors.count == 1 ? first.message : "\(errors.count) errors; the first: \(first.message)"
                body += "      <failure type=\"error\" message=\"\(escape(message))\">"
                    + escape(errors.map(line).joined(separator: "\n")) + "</failure>\n"
            }
            if !warnings.isEmpty {
                body += "      <system-out>\(escape(warnings.map(line).joined(separator: "\n")))</system-out>\n"
            }
            pageCases.append(testCase(name: file, body: body))
        }
        let urlCases = report.urls.map { url -> String in
            let found = byURL[url.url] ?? []
            let errors = found.filter { $0.severity == .error }, warnings = found.filter { $0.severity == .warning }
            var body = ""
            if url.verdict == .broken || !errors.isEmpty {
                // The type is the first error's code: link.broken, link.soft404, outside.changed.
                let type = errors.first?.code.rawValue ?? "link.broken"
                body += "      <failure type=\"\(type)\" message=\"\(escape(errors.first?.message ?? url.reason ?? "broken"))\">"
                    + escape(errors.map(line).joined(separator: "\n")) + "</failure>\n"
            } else if url.verdict == .skipped {
                body += "      <skipped message=\"\(escape(url.reason ?? "skipped"))\"/>\n"
            }
            if !warnings.isEmpty {
                body += "      <system-out>\(escape(warnings.map(line).joined(separator: "\n")))</system-out>\n"
            } else if url.verdict == .redirected {
                body += "      <system-out>moved permanently to \(escape(url.redirectedTo ?? ""))</system-out>\n"
            }
            return testCase(name: url.url, body: body)
        }
        let pageFailures = pageCases.filter { $0.contains("<failure") }.count
        let urlFailures = urlCases.filter { $0.contains("<failure") }.count
        let skipped = report.urls.filter { $0.verdict == .skipped }.count
        let seconds = String(format: "%.3f", Double(Terminal.milliseconds(report.summary.elapsed)) / 1000)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"helpsite links\" tests=\"\(pageCases.count + urlCases.count)\" failures=\"\(pageFailures + urlFailures)\" time=\"\(seconds)\">\n"
        xml += "  <testsuite name=\"pages\" tests=\"\(pageCases.count)\" failures=\"\(pageFailures)\" errors=\"0\" skipped=\"0\">\n"
        xml += pageCases.joined() + "  </testsuite>\n"
        if !urlCases.isEmpty {
            xml += "  <testsuite name=\"external URLs\" tests=\"\(urlCases.count)\" failures=\"\(urlFailures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            xml += urlCases.joined() + "  </testsuite>\n"
        }
        return xml + "</testsuites>"
    }

    /// A finding as the terminal shows it, its code at the end of its first line.
    private static func line(_ diagnostic: Diagnostic) -> String {
        var lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false)
        lines[0] += " [\(diagnostic.code.rawValue)]"
        return lines.joined(separator: "\n")
    }

    private static func testCase(name: String, body: String) -> String {
        let open = "    <testcase classname=\"helpsite.links\" name=\"\(escape(name))\""
        return body.isEmpty ? open + "/>\n" : open + ">\n" + body + "    </testcase>\n"
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
