import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteMarkdown

/// Properties of the normal forms facts are compared in, over many generated
/// inputs (a fixed seed, so a failure can be replayed).
@Suite("Normalisers: properties")
struct NormaliserPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A Belgian number in every way people write it gives one E.164 number.
    @Test func everyBelgianWritingOfANumberIsOneNumber() {
        var random = Generator(state: 42)
        for _ in 0..<2_000 {
            let mobile = Bool.random(using: &random)
            // Mobile: 045–049 and six more digits. Fixed lines: an area code 2–9 (Liège's 04 with a
            // subscriber number that does not start like a mobile one) and seven more.
            let area = Int.random(in: 2...9, using: &random)
            let landline = String(area) + (area == 4 ? String(Int.random(in: 0...4, using: &random)) : String(Int.random(in: 0...9, using: &random)))
            let national = (mobile ? "4" + String(Int.random(in: 50...99, using: &random)) : landline)
                + (0..<(mobile ? 6 : 6)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let expected = "+32" + national
            let separators = [" ", ".", "/", "-", "", "\u{00A0}"]
            func grouped(_ digits: String) -> String {
                var out = "", index = digits.startIndex
                while index < digits.endIndex {
                    let size = Int.random(in: 1...3, using: &random)
                    let end = digits.index(index, offsetBy: size, limitedBy: digits.endIndex) ?? digits.endIndex
                    out += digits[index..<end] + (end < digits.endIndex ? separators.randomElement(using: &random)! : "")
                    index = end
                }
                return out
            }
            for written in ["0" + grouped(national), "+32 " + grouped(national), "0032 " + grouped(national),
                            "00 32 " + grouped(national), "+32 (0)" + grouped(national)] {
                #expect(PhoneNumber.e164(written, region: "BE") == .success(expected), "\(written)")
            }
        }
    }

    @Test func normalisingTwiceChangesNothing() throws {
        var random = Generator(state: 7)
        let hosts = ["Example.BE", "www.ombudsfin.be", "ECONOMIE.fgov.be", "consumerconnect.be"]
        let paths = ["", "/", "/nl", "/fr/", "/a/b?x=1", "/klacht-indienen#top"]
        for _ in 0..<500 {
            let scheme = ["http", "https", "HTTPS"].randomElement(using: &random)!
            let port = ["", ":443", ":80", ":8443"].randomElement(using: &random)!
            let url = "\(scheme)://\(hosts.randomElement(using: &random)!)\(port)\(paths.randomElement(using: &random)!)"
            // Every input here is a valid address: each must normalise, and stay as it is the second time.
            let once = try #require(Normal.url(url), "\(url)")
            #expect(Normal.url(once) == once, "\(url)")
            let email = "Info.\(Int.random(in: 0...99, using: &random))@" + hosts.randomElement(using: &random)!
            let onceEmail = try #require(Normal.email(email), "\(email)")
            #expect(Normal.email(onceEmail) == onceEmail)
            let phone = "02 " + String(Int.random(in: 1_000_000...9_999_999, using: &random))
            guard case .success(let e164) = PhoneNumber.e164(phone, region: "BE") else {
                Issue.record("\(phone) is a Brussels number and must have an E.164 form")
                continue
            }
            #expect(PhoneNumber.e164(e164, region: "BE") == .success(e164))
        }
    }

    /// No input makes a normaliser crash: arbitrary bytes, as text.
    @Test func noInputCrashesANormaliser() {
        var random = Generator(state: 99)
        let alphabet = Array("0123456789 +()./-@:#?&%[]<>\\\"'\u{00A0}\u{202F}éßЖ漢🙂\n\t\u{0}wwwhttps")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            _ = PhoneNumber.e164(text, region: "BE")
            _ = Normal.url(text)
            _ = Normal.email(text)
            _ = TimeOfDay(text)
            _ = CommonMark.scan(text)
        }
    }
}
