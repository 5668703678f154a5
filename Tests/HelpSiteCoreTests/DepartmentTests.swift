import Foundation
import Testing
import HelpSiteTestSupport

/// The native review's corrections: the JSON-LD names departments only, and a visitor
/// copying a postal block onto an envelope copies one attention line.
@Suite("Departments")
struct DepartmentTests {
    @Test func theStructuredDataHoldsTheDepartmentNamesOnly() throws {
        let files = try TestBuild.render()
        let expected = [
            "nl/klachten/index.html": ["Operationele dienst / SRC (B2C-klanten)", "Operationele dienst / BU Lease (B2B-klanten)"],
            "fr/plaintes/index.html": ["Service des opérations / SRC (clients B2C)", "Service des opérations / BU Lease (clients B2B)"],
            "en/complaints/index.html": ["Operations department / SRC (B2C customers)", "Operations department / BU Lease (B2B customers)"],
        ]
        for (path, names) in expected {
            let html = try TestBuild.page(path, in: files)
            let json = try #require(html.firstMatch(of: #/<script type="application/ld\+json">(.*?)</script>/#)).1
            let departments = json.matches(of: #/"department":\[(.*?)\]/#).flatMap { match in
                match.1.matches(of: #/"name":"([^"]*)"/#).map { String($0.1) }
            }
            #expect(Array(departments.prefix(2)) == names, "\(path)")
            #expect(!json.contains("t.a.v.") && !json.contains("attention") && !json.contains(" of\"") && !json.contains(", ou\""), "\(path)")
        }
    }

    @Test func eachLabelledDepartmentHasItsOwnPostalBlock() throws {
        let html = try TestBuild.page("nl/klachten/index.html", in: try TestBuild.render())
        let contact = try #require(html.firstMatch(of: #/<div class="contact" id="contact-sfs">(.*?)</div>/#.dotMatchesNewlines())).1
        let blocks = contact.matches(of: #/<p class="postal">(.*?)</p>/#.dotMatchesNewlines()).map { visibleText(String($0.1)) }
        #expect(blocks == [
            "Per post (particuliere klanten) Stellantis Financial Services Belux NV t.a.v. Operationele dienst / SRC (B2C-klanten) Bourgetlaan 20, bus 1 1130 Brussel",
            "Per post (zakelijke klanten) Stellantis Financial Services Belux NV t.a.v. Operationele dienst / BU Lease (B2B-klanten) Bourgetlaan 20, bus 1 1130 Brussel",
        ])
    }
}
