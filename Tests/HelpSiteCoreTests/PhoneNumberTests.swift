import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel

@Suite("Phone numbers to E.164")
struct PhoneNumberTests {
    @Test(arguments: [
        ("00 32 2 370 77 11", "+3223707711"),
        ("+32 2 370 77 11", "+3223707711"),
        ("02 370 77 11", "+3223707711"),
        ("02/370.77.11", "+3223707711"),
        ("+32 (0)2 370 77 11", "+3223707711"),
        ("0800 120 33", "+3280012033"),
        ("+32 2 547 58 71", "+3225475871"),
        ("0470 12 34 56", "+32470123456"),
        ("04 223 45 67", "+3242234567"),
    ])
    func belgianWritingHabitsGiveOneNumber(written: String, e164: String) {
        #expect(PhoneNumber.e164(written, region: "BE") == .success(e164))
    }

    @Test func otherCountriesKeepTheirCode() {
        #expect(PhoneNumber.e164("+31 20 123 4567", region: "BE") == .success("+31201234567"))
        #expect(PhoneNumber.e164("020 123 4567", region: "NL") == .success("+31201234567"))
    }

    @Test func slipsAreCaughtWithAReason() {
        #expect(PhoneNumber.e164("02 370 77 1", region: "BE") == .failure(.wrongLength(country: "32", digits: 7, expected: "8")))
        #expect(PhoneNumber.e164("0470 12 34 5", region: "BE") == .failure(.wrongLength(country: "32", digits: 8, expected: "9")))
        #expect(PhoneNumber.e164("2 370 77 11", region: "BE") == .failure(.noTrunkPrefix))
        #expect(PhoneNumber.e164("02 370 77 11 ext 3", region: "BE") == .failure(.invalidCharacter("e")))
        #expect(PhoneNumber.e164("02 370 77 11", region: "ZZ") == .failure(.unknownRegion("ZZ")))
    }
}
