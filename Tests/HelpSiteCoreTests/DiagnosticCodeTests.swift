import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel

/// The codes are a public contract of the JSON, GitHub and JUnit outputs: the enum and the
/// reference that documents them say the same.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test func everyCodeIsDocumentedAndEveryDocumentedCodeExists() throws {
        let reference = try String(contentsOfFile: Project.repository.appendingPathComponent("docs/reference/diagnostics.md").path,
                                   encoding: .utf8)
        // A code is the first cell of a table row: | `fact.differs` | error | ...
        let documented = Set(reference.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: #/^\| `([a-z]+\.[a-z0-9.-]+)` \|/#) else { return nil }
            return String(match.1)
        })
        #expect(documented.count > 20)
        #expect(documented == Set(DiagnosticCode.allCases.map(\.rawValue)))
    }

    @Test func aProblemOfReadingAFileIsContentInvalid() throws {
        let problem = Diagnostic.error("content/fr/complaints.yaml is empty", at: SourceLocation(file: "content/fr/complaints.yaml"))
        #expect(problem.code == .contentInvalid)
        let json = try #require(DiagnosticFormat.json.render(Diagnostics([problem]), summary: "").data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let items = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["content.invalid"])
    }
}
