import Foundation
import Testing
import HelpSiteTestSupport

/// `helpsite check --today`: the day pages' dates are judged on, given, never the machine's in a test.
@Suite("The review date of helpsite check")
struct ReviewCommandTests {
    let command = HelpsiteRunner()

    @Test("a page older than review_every warns on the given day, and --strict fails on it")
    func reviewWarning() throws {
        let copy = try ShippedCopy()
        let fresh = try command.helpsite("check", "--strict", "--today", "2026-12-04", in: copy.folder.path)
        #expect(fresh.status == 0, "\(fresh.output)\(fresh.errors)")
        let late = try command.helpsite("check", "--today", "2027-12-05", in: copy.folder.path)
        #expect(late.status == 0)
        #expect((late.output + late.errors).contains("content/nl/complaints.yaml:16:10: warning: page 'complaints' was last updated on 2026-12-04, more than 1 year ago (review_every in site.yaml)"))
        let strict = try command.helpsite("check", "--strict", "--today", "2027-12-05", "--format", "json", in: copy.folder.path)
        #expect(strict.status == 1)
        #expect(strict.output.contains("\"page.review\""))
    }

    @Test("--today that is not a date is refused before anything is read")
    func badDay() throws {
        let copy = try ShippedCopy()
        let run = try command.helpsite("check", "--today", "4/12/2026", in: copy.folder.path)
        #expect(run.status != 0)
        #expect(run.errors.contains("--today '4/12/2026' is not a date; write it as YYYY-MM-DD"))
    }
}
