import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteModel
@testable import HelpSiteCheck
@testable import HelpSiteRender

/// The byte-level readings of text that the check uses for speed give what the simpler or
/// Unicode-aware Swift they replace gives, on the texts and link destinations translators write.
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

    @Test(arguments: ["nl/klachten/", "nl/", "", "/", "//nl//klachten", "nl/klachten", "fr/réclamations/", "fr/re\u{301}clamations/",
                      "nl/\u{301}/x/", "a/b/c/d/"])
    func aPathsFoldersAreCountedAsCharactersSplitThem(_ folder: String) {
        #expect(SiteAddresses.depth(of: folder) == folder.split(separator: "/").count)
    }

    /// Texts as translators write them, and the shipped content's files whole and line by line.
    static func texts() throws -> [String] {
        let written = [
            "Bel ons op +32 2 370 77 11 of mail naar klachten@sfs.example.be.", "Zie www.fsma.be of https://consumerconnect.be.",
            "consumerconnect.be", "t.a.v. de klachtendienst", "1. Stuur uw klacht\n2. Wacht op ons antwoord",
            "Binnen **5 werkdagen** krijgt u een ontvangstbevestiging.", "  3) En dan", "Tel.: 02/370.77.11", "0800-12033",
            "1234\t5678", "1234\n5678", "1234.5678", "12/34/56/78", "1@2345678", "x\n\t1", "écrivez-nous à l’adresse", "Prix : 5 €",
            "[Étape 1](../klachten/#stap-1)", "<https://www.ombudsfin.be>", "a &euro; b", "`0800 120 33`", "een \\*ster\\*",
            "~~oud~~ | tabel |", "_nadruk_ en > citaat", "deux.be", "x.Be", "9.be", "www.", "wwww.x", "http://", ":/",
            "abcdefgh.ijklmnop qrstuvwx.yz", "abcdefg.hijklmn", "        12345678", "aaaaaaa.", "aaaaaaaa.b",
        ]
        let folder = URL(fileURLWithPath: Project.content)
        var files: [String] = []
        for language in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let directory = folder.appendingPathComponent(language)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".yaml") {
                files.append(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            }
        }
        // Every stretch that starts a line, so that each byte is read at each offset of the eight.
        let stretches = files.flatMap { file in file.split(separator: "\n").flatMap { line in (0..<8).map { String(line.dropFirst($0)) } } }
        return written + files + stretches
    }

    @Test func hintsReadEightBytesAtATimeAsOneByteAtATime() throws {
        for text in try Self.texts() {
            let hints = TextHints(text), expected = Self.hintsByteByByte(text)
            #expect([hints.email, hints.url, hints.phone, hints.link, hints.domain, hints.markup, hints.verbatim] == expected,
                    "\(text.debugDescription)")
        }
    }

    @Test func theGlanceReadsEightBytesAtATimeAsOneScalarAtATime() throws {
        let texts = try Self.texts() + ["een klacht", "Één maand", "EEN MAAND", "twaalf werkdagen.", "kalenderdagen", "deux\u{301}",
                                        "d'un mois", "twelve", "a day", "5 jours", "€5 ou 5%", "B2C-klanten", "vingt-et-un"]
        for language in ["nl", "fr", "en"] {
            let reader = NumberReader(language: language)
            for text in texts {
                let glance = reader.glance(text), expected = Self.glanceByScalars(text, reader)
                #expect(glance.triggers == expected.triggers && glance.ones == expected.ones, "\(language): \(text.debugDescription)")
            }
        }
    }

    @Test func scalarsDecodedFromTheBytesAreTheStringsOwn() throws {
        for text in try Self.texts() + ["€ 1.000", "Ombudsman in financiële geschillen", "Stap 1 \u{1F600}", "e\u{301}"] {
            #expect(NumberReader.scalars(of: text) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func generalPunctuationIsReadWithoutItsPropertiesAsWithThem() {
        for value in Array(NumberReader.generalPunctuation) + Array(NumberReader.privateUse) {
            let scalar = Unicode.Scalar(value)!, properties = scalar.properties
            #expect(NumberReader.isWordScalar(scalar)
                    == (properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark))
            #expect(NumberReader.isSpaceScalar(scalar) == (properties.isWhitespace && scalar != NumberReader.boundary),
                    "U+\(String(value, radix: 16))")
        }
    }

    /// The glance as the check made it before: a scalar at a time.
    static func glanceByScalars(_ text: String, _ reader: NumberReader) -> NumberReader.Glance {
        var found = NumberReader.Glance()
        let scalars = Array(text.unicodeScalars)
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.properties.isAlphabetic) : NumberReader.isWordScalar(scalar)
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) || scalar == "€" || scalar == "%" {
                found.triggers.append(index)
                index += 1
                continue
            }
            guard isLetter(scalar) else { index += 1; continue }
            var end = index
            while end < scalars.count, isLetter(scalars[end]) { end += 1 }
            defer { index = end }
            guard end - index <= NumberReader.longestWord else { continue }
            guard let key = NumberReader.key(scalars[index..<end]) else { found.triggers.append(index); continue }
            if reader.glanceKeys.triggers.contains(key) { found.triggers.append(index) }
            else if reader.glanceKeys.ones.contains(key) { found.ones.append(index) }
        }
        return found
    }

    /// The hints as the check read them before, a byte at a time, and Markdown's markup as it tested it.
    static func hintsByteByByte(_ text: String) -> [Bool] {
        var email = false, url = false, phone = false, link = false, domain = false
        var digits = 0
        var previous: [UInt8] = [0, 0, 0]
        func isAlphanumeric(_ byte: UInt8) -> Bool { (97...122).contains(byte | 0x20) || (48...57).contains(byte) }
        for byte in text.utf8 {
            switch byte {
            case 97...122:
                if previous[2] == UInt8(ascii: "."), isAlphanumeric(previous[1]) { domain = true }
                digits = 0
            case UInt8(ascii: "@"): email = true
            case 48...57:
                digits += 1
                if digits >= 8 { phone = true }
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"): break
            case UInt8(ascii: "."): if previous == Array("www".utf8) { url = true }
            case UInt8(ascii: "/"): if previous[1] == UInt8(ascii: ":"), previous[2] == UInt8(ascii: "/") { url = true }
            case UInt8(ascii: "]"), UInt8(ascii: "<"):
                link = true
                digits = 0
            default: digits = 0
            }
            previous = [previous[1], previous[2], byte]
        }
        var markup = false, lineStart = true
        for byte in text.utf8 where !markup {
            switch byte {
            case _ where "*_[]<>`&\\|~".utf8.contains(byte): markup = true
            case 48...57 where lineStart: markup = true
            case UInt8(ascii: "\n"): lineStart = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: lineStart = false
            }
        }
        let verbatim = !text.utf8.contains { "&\\`".utf8.contains($0) }
        return [email, url, phone, link, domain, markup, verbatim]
    }
}

/// A text with a link is parsed for its addresses; those written in its text are looked for only
/// where the whole Markdown may hold one, and never missed where cmark-gfm's text differs from it.
@Suite("Addresses in the text of a Markdown field")
struct TextAddressTests {
    func written(_ source: String) -> [String] {
        let markdown = Markdown(source, at: SourceLocation(file: "content/nl/klachten.yaml", line: 12, column: 9))
        return ProseFacts(region: "BE").read(markdown, numbers: NumberReader(language: "nl")).findings.compactMap { finding in
            if case .fact(let fact) = finding { return "\(fact.kind.rawValue) \(fact.value)" }
            return nil
        }
    }

    @Test func addressesBesideALinkAreFound() {
        #expect(written("Zie [stap 2](../klachten/#stap-2) of mail naar klachten@sfs.example.be.")
                == ["email klachten@sfs.example.be"])
        #expect(written("Zie [stap 2](../klachten/#stap-2) of bel 02 370 77 11.") == ["phone +3223707711"])
        #expect(written("Zie [stap 2](../klachten/#stap-2); geen adres hier.") == [])
    }

    /// An entity, an escape or a code span makes text the source does not hold as written.
    @Test func addressesWrittenThroughMarkupAreFound() {
        #expect(written("Zie [stap 2](../klachten/#stap-2) of mail naar klachten&#64;sfs.example.be.")
                == ["email klachten@sfs.example.be"])
        #expect(written("Zie [stap 2](../klachten/#stap-2) of `02 370\n77 11`.") == ["phone +3223707711"])
        #expect(written("Zie [stap 2](../klachten/#stap-2) of www\\.fsma.be.") == ["url https://www.fsma.be/"])
    }

    /// Each number at its line and column in the YAML file, columns counting characters (`è`, `é`).
    func numbers(_ source: String, _ language: String) -> [String] {
        let markdown = Markdown(source, at: SourceLocation(file: "content/fr/plaintes.yaml", line: 12, column: 9))
        return ProseFacts(region: "BE").read(markdown, numbers: NumberReader(language: language)).numbers
            .filter(\.needsCounterpart).map { "\($0.reading) \($0.location.line):\($0.location.column)" }
    }

    @Test func numbersArePlacedWhereTheyAreWritten() {
        #expect(numbers("Dès réception : **5 jours ouvrables**.\nPuis 2 semaines après.", "fr")
                == ["5 working days 12:27", "2 weeks 13:14"])
        #expect(numbers("Dès réception, sous 5 jours ouvrables.\nPuis 2 semaines après.", "fr")
                == ["5 working days 12:29", "2 weeks 13:14"])
    }
}

/// Values read from YAML lose the white space at their ends, a block's last line break included.
@Suite("Trimmed values")
struct TrimmedTests {
    @Test(arguments: ["Stap 1", "Stap 1\n", "Stap 1 \n\n", "  Stap 1\n", "\n", "", " ", "Étape 1\n", "Stap é\n", "Stap 1\u{A0}\n",
                      "Stap e\u{301}\n", "Stap 1\r\n", "x\u{7F}\n", "x\u{1F}\n", "Stap\t\n", "Bel ons.\n  Elke dag.\n"])
    func valuesAreTrimmedAsCharactersAre(_ value: String) {
        let expected = value.firstIndex(where: { !$0.isWhitespace }).map { start in
            String(value[start...value.lastIndex(where: { !$0.isWhitespace })!])
        } ?? ""
        #expect(value.trimmed == expected, "\(value.debugDescription)")
    }
}
