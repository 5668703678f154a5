import Foundation
import Testing
@testable import HelpSiteModel

@Suite("Fingerprints")
struct FingerprintTests {
    /// FNV-1a with its 0xFF separator, as `.sources.yaml` files already hold it: the shipped
    /// `content/fr/.sources.yaml` records `labels.skip_link: 00a1860335e8394e` for the Dutch
    /// "Naar de hoofdinhoud". A change here would mark every accepted translation stale.
    @Test("the fingerprint written into the content stays FNV-1a", arguments: [
        ("Naar de hoofdinhoud", "00a1860335e8394e"),
        ("Klachten", "1feb90e6088647aa"),
        ("financiële", "e32cc1161c445fd1"),
        ("", "af64724c8602eb6e"),
    ])
    func stable(text: String, expected: String) {
        #expect(Fingerprint.stable(text).description == expected)
        #expect(TextFingerprint.of(text) == expected)
    }

    /// Every length around the eight-byte words, every byte changed in turn: no two alike.
    @Test("one changed byte, one byte more or less, changes the fingerprint")
    func everyByteCounts() {
        var seen: [Fingerprint: [UInt8]] = [:]
        for length in 0...33 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            var variants = [base]
            for index in base.indices {
                var changed = base
                changed[index] ^= 0x01
                variants.append(changed)
            }
            for bytes in variants {
                var print = Fingerprint()
                bytes.withUnsafeBytes { print.add(bytes: $0) }
                #expect(seen[print] == nil, "\(bytes) and \(seen[print] ?? []) have one fingerprint")
                seen[print] = bytes
            }
        }
        #expect(seen.count == (0...33).reduce(0) { $0 + $1 + 1 })
    }

    @Test("texts added one after the other are told apart however they are split")
    func separated() {
        var ab = Fingerprint()
        ab.add("ab")
        ab.add("c")
        var bc = Fingerprint()
        bc.add("a")
        bc.add("bc")
        #expect(ab != bc)
        #expect(Fingerprint("abc") != Fingerprint("abc\u{FF}"))
    }

    @Test("a text's fingerprint is that of its UTF-8 bytes then the separator, as the check's inventory takes a file")
    func textIsItsBytes() {
        let text = "title: Klachten — financiële ombudsman\nslug: klachten\n"
        var bytes = Fingerprint()
        Array(text.utf8).withUnsafeBytes { bytes.add(bytes: $0) }
        bytes.addSeparator()
        #expect(bytes == Fingerprint(text))
        var sequence = Fingerprint()
        sequence.add(bytes: text.utf8)
        sequence.addSeparator()
        #expect(sequence == Fingerprint(text))
    }
}
