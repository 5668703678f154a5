import Testing
@testable import HelpSiteCheck

/// The byte-level readings of text that the check uses for speed give what the Unicode-aware
/// Swift they replace gives, on the texts and link destinations translators write.
@Suite("Byte-level readings of text")
struct TextScanTests {
    static let destinations = [
        "mailto:klachten@sfs.example.be", "MailTo:Klachten@SFS.example.be", " mailto: plaintes@sfs.example.be",
        "tel:+3223707711", "TEL:+32 2 370 77 11", "https://www.ombudsfin.be/nl/", "HTTP://www.fsma.be",
        "javascript:alert(1)", "Java\tScript:alert(1)", "java script:alert(1)", "vbscript:msgbox", "data:text/html,x",
        "file:///etc/passwd", "../klachten/#bemiddeling", "#stap-2", "", " ", "\r\nhttps://x.be",
        // Beyond ASCII: an accent joined to the colon, a Kelvin sign that lower-cases to `k`, a no-break space.
        "mailto:\u{301}x@y.be", "mailto\u{301}:x@y.be", "\u{212A}:x", "\u{A0}https://www.fsma.be", "https://www.économie.be",
        "javascript:\u{2028}alert(1)",
    ]

    @Test(arguments: destinations)
    func aSchemeIsReadAsTheUnicodeWayReadsIt(_ destination: String) {
        let unicode = destination.lowercased().filter { !$0.isWhitespace }
        let prefix = LinkScheme.prefix(of: destination)
        for scheme in ProseFacts.unsafeSchemes + ["mailto:", "tel:", "http:", "https:"] {
            #expect(prefix.hasPrefix(scheme) == unicode.hasPrefix(scheme), "\(scheme) in \(destination.debugDescription)")
        }
    }
}
