import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteCheck

/// Each slip of issue #17 made in a copy of the shipped content, as a translator would make
/// it: the check fails, with the slip's code, at the line of the slip.
@Suite("Numbers and written addresses in the shipped content")
struct ShippedSlipTests {
    struct Slip: Sendable, CustomTestStringConvertible {
        let file: String
        let old: String
        let new: String
        let code: DiagnosticCode
        /// Text on the line the finding must be at (the first line that holds it).
        let line: String
        /// The reference's place the finding names, as text on that line of the Dutch file, if it names one.
        var reference: String?

        var testDescription: String { "\(code.rawValue) in \(file): \(new)" }
    }

    static let slips: [Slip] = [
        Slip(file: "fr/complaints.yaml", old: "dans les cinq jours", new: "dans les six jours", code: .factNumberDiffers,
             line: "dans les six jours", reference: "binnen vijf werkdagen"),
        Slip(file: "en/complaints.yaml", old: "within one month", new: "within two months", code: .factNumberDiffers,
             line: "within two months", reference: "ontvangstbevestiging. **Binnen"),
        Slip(file: "en/complaints.yaml", old: "within five working", new: "within five calendar", code: .factNumberUnit,
             line: "within five calendar", reference: "binnen vijf werkdagen"),
        // The number is gone: reported at the start of the French note, with the Dutch number's place.
        Slip(file: "fr/complaints.yaml", old: "dans un délai d'un mois au plus", new: "dans les meilleurs délais",
             code: .factNumberUnpaired, line: "Vous recevrez un accusé", reference: "ontvangstbevestiging. **Binnen"),
        Slip(file: "fr/complaints.yaml", old: "- Assurance pneus", new: "- Assurance pneus (franchise de 250 €)",
             code: .factNumberUnpaired, line: "franchise de 250 €"),
        Slip(file: "en/complaints.yaml", old: "unless there are justified reasons for a delay.", new: "unless there are justified reasons in 10 % of cases.",
             code: .factNumberUnpaired, line: "in 10 % of cases"),
        Slip(file: "fr/complaints.yaml", old: "[consumerconnect.be](https://consumerconnect.be)", new: "consumerconect.be",
             code: .factDiffers, line: "consumerconect.be", reference: "(https://consumerconnect.be)"),
        Slip(file: "en/complaints.yaml", old: "[consumerconnect.be](https://consumerconnect.be)",
             new: "[consumerconnect.be](https://www.nbb.be)", code: .factLinkDomain, line: "(https://www.nbb.be)"),
        Slip(file: "nl/complaints.yaml", old: "[consumerconnect.be](https://consumerconnect.be)",
             new: "[www.fsma.be](https://consumerconnect.be)", code: .factLinkDomain, line: "[www.fsma.be]"),
    ]

    @Test(arguments: slips)
    func eachSlipFailsTheCheckAtItsLine(_ slip: Slip) throws {
        let copy = try ShippedCopy()
        try copy.edit(slip.file, slip.old, slip.new)
        let findings = SiteChecker.check(try copy.site()).sorted
        let line = try copy.line(of: slip.line, in: slip.file)
        let finding = findings.first { $0.code == slip.code && $0.location.file.hasSuffix("content/" + slip.file) && $0.location.line == line }
        #expect(finding != nil, "\(findings.map(\.description))")
        if let reference = slip.reference {
            let referenceLine = try copy.line(of: reference, in: "nl/complaints.yaml")
            #expect(finding?.related.first?.line == referenceLine)
            #expect(finding?.related.first?.file.hasSuffix("content/nl/complaints.yaml") == true)
        }
    }

    /// A domain named in the Dutch text, and in no translation: reported in each, with the Dutch place.
    @Test func aDomainOnlyTheReferenceNamesIsMissingInEveryTranslation() throws {
        let copy = try ShippedCopy()
        try copy.edit("nl/complaints.yaml", "op met de\n          toezichthouder.", "op met de\n          toezichthouder (economie.fgov.be).")
        let findings = SiteChecker.check(try copy.site()).sorted
        #expect(findings.map(\.code) == [.factMissing, .factMissing])
        #expect(findings.map { $0.location.file.suffix(18) } == ["en/complaints.yaml", "fr/complaints.yaml"])
        #expect(findings.allSatisfy { $0.message.hasPrefix("URL economie.fgov.be in the text of 'supervisor' of nl is missing in ") })
        let line = try copy.line(of: "(economie.fgov.be)", in: "nl/complaints.yaml")
        #expect(findings.allSatisfy { $0.related.first?.line == line })
    }
}
