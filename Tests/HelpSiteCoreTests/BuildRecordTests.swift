import Foundation
import Testing
@testable import HelpSiteModel
@testable import HelpSitePublish

/// The build record's text, byte for byte, and what reads as one: read and written whole by
/// every build, by hand over its bytes (BuildManifest+Reading.swift, `RecordText.Writer`).
@Suite("The build record's text")
struct BuildRecordTests {
    static let page = "content/nl/tab\there.yaml"
    static let record = OutputRecord(fingerprint: "9f86d081884c7d65", identity: FileIdentity(inode: 42, size: 1_234, modified: 1_700_000_000_123_456_789))

    static func summary(of file: String, updated: CalendarDate?) -> PageSummary {
        func at(_ line: Int, _ column: Int) -> HelpSiteModel.SourceLocation { HelpSiteModel.SourceLocation(file: file, line: line, column: column) }
        return PageSummary(id: "klachten\\x", file: file, slug: Located("klachten\tbis", at: at(1, 7)),
                           title: Located("Klachten: \\ \"wat\"\n€ 5\r", at: at(2, 8)), description: "Zo — één klacht.",
                           fingerprint: Fingerprint(value: .max), updated: updated.map { Located($0, at: at(5, 10)) })
    }

    /// Every kind of line and field: escaped paths, negative numbers where a field is signed,
    /// the largest and smallest numbers, a page with and without its date, and a replaced site
    /// with a file of another version, one of its own, and one it did not have.
    static var manifest: BuildManifest {
        var edited = record
        edited.identity = FileIdentity(inode: .max, size: -1, modified: .min)
        let stamps = [page: BuildManifest.Stamp(size: 10, modified: 1_700_000_000.123456789),
                      "content/nl/back\\slash\nline.yaml": BuildManifest.Stamp(size: -1, modified: -0.5),
                      "bin/helpsite": BuildManifest.Stamp(size: .max, modified: 0)]
        let outputs = ["nl/klachten/index.html": record, "nl/a\\b/index.html": edited, "nl/nieuw\r/index.html": record]
        let retained = ["nl/klachten/index.html": edited, "nl/a\\b/index.html": edited, "nl/weg\t/index.html": record]
        let other = "content/fr/plaintes.yaml"
        return BuildManifest(inputs: stamps, outputs: outputs, retained: retained,
                             summaries: [page: summary(of: page, updated: CalendarDate(year: 2026, month: 1, day: 3)),
                                         other: summary(of: other, updated: nil)],
                             folder: "/srv/a\tb/public")
    }

    @Test func aRecordReadsBackAsItWasWritten() {
        let manifest = Self.manifest
        #expect(BuildManifest(data: manifest.data) == manifest)
        var unkept = manifest
        unkept.retained = nil
        #expect(BuildManifest(data: unkept.data) == unkept)
        let empty = BuildManifest(inputs: [:], outputs: [:], retained: [:])
        #expect(BuildManifest(data: empty.data) == empty)
    }

    /// One entry of each kind (an escaped path in each, a kept site that differs, a dated page),
    /// so that the lines come in one order.
    static func oneOfEach() -> BuildManifest {
        let file = "content/nl/a\\b.yaml"
        var edited = record
        edited.identity.modified = -5
        return BuildManifest(inputs: [file: BuildManifest.Stamp(size: 10, modified: 1_700_000_000.5)],
                             outputs: ["nl/a\tb/index.html": record], retained: ["nl/a\tb/index.html": edited],
                             summaries: [file: summary(of: file, updated: CalendarDate(year: 2026, month: 1, day: 3))],
                             folder: "/srv/public")
    }

    /// One entry of each kind, so that the lines come in one order: the text as the record
    /// file has held it since version 8.
    @Test func theWriterWritesTheseBytes() {
        var manifest = Self.oneOfEach()
        // The lines both records share, then each one's own.
        let head = """
            helpsite build record 8
            folder\t/srv/public
            inputs\t1\t5df0618d17ff9f3b
            input\t10\t41d954fc40200000\tcontent/nl/a\\\\b.yaml
            output\t9f86d081884c7d65\t42\t1234\t1700000000123456789\tnl/a\\tb/index.html
            kept

            """
        let page = "page\tcontent/nl/a\\\\b.yaml\tklachten\\\\x\tklachten\\tbis\t1\t7\tKlachten: \\\\ \"wat\"\\n€ 5\\r\t2\t8\tffffffffffffffff\tZo — één klacht.\t"
        #expect(String(decoding: manifest.data, as: UTF8.self) == head + """
            retained\t9f86d081884c7d65\t42\t1234\t-5\tnl/a\\tb/index.html
            \(page)2026-01-03\t5\t10
            end

            """)
        manifest.retained = [:]
        manifest.summaries["content/nl/a\\b.yaml"]?.updated = nil
        #expect(String(decoding: manifest.data, as: UTF8.self) == head + """
            unretained\tnl/a\\tb/index.html
            \(page)-\t0\t0
            end

            """)
    }

    @Test func aRecordCutAnywhereIsNotRead() {
        let data = Self.manifest.data
        for count in 0..<data.count {
            #expect(BuildManifest(data: data.prefix(count)) == nil, "cut at \(count) of \(data.count) bytes")
        }
        #expect(BuildManifest(data: data.dropFirst()) == nil)
    }

    /// A record whose lines are not all as written, each changed in one place.
    @Test(arguments: [
        ("helpsite build record 8", "helpsite build record 7"), ("helpsite build record 8\n", "helpsite build record 8\t\n"),
        ("\nend\n", "\nend\t\n"), ("\nend\n", "\n\nend\n"), ("\nkept\n", "\nkeep\n"),
        ("folder\t/srv/public", "folder\t/srv/public\tx"), ("folder\t/srv/public", "folder"),
        ("\t10\t41d954fc40200000\t", "\t1x\t41d954fc40200000\t"), ("\t10\t41d954fc40200000\t", "\t10\t41d954fc4020000g\t"),
        ("\t10\t41d954fc40200000\t", "\t10\t141d954fc40200000\t"), ("\t10\t41d954fc40200000\t", "\t\t41d954fc40200000\t"),
        ("\t10\t41d954fc40200000\t", "\t10\t"), ("\t42\t1234\t", "\t-42\t1234\t"), ("\t42\t1234\t", "\t42\t1234.0\t"),
        ("\t42\t1234\t", "\t42\t9223372036854775808\t"), ("\t42\t1234\t", "\t42\t1234\t\t"),
        ("html\nkept", "html\t\nkept"), ("\t1\t7\t", "\t1\t+\t"), ("\t1\t7\t", "\t1\t7\t\t"),
        ("\t2026-01-03\t", "\t2026-02-30\t"), ("\t2026-01-03\t", "\t2026-01-03\tx\t"), ("\tffffffffffffffff\t", "\tfffffffffffffffff\t"),
        ("\nkept\n", "\n"),
    ])
    func aRecordChangedInOnePlaceIsNotRead(original: String, changed: String) throws {
        let manifest = Self.oneOfEach()
        let text = String(decoding: manifest.data, as: UTF8.self)
        #expect(text.contains(original))
        #expect(BuildManifest(data: Data(text.utf8)) == manifest)
        #expect(BuildManifest(data: Data(text.replacingOccurrences(of: original, with: changed).utf8)) == nil)
    }

    /// Numbers read as Swift's own `init?(_:radix:)` reads them, signs and all.
    @Test(arguments: ["0", "7", "+5", "-5", "-0", "+0", "-00", "0005", "", "-", "+", "+-5", " 5", "5 ", "٣", "1.5",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                      "18446744073709551615", "18446744073709551616", "ff", "FF", "fF", "g", "ffffffffffffffff", "10000000000000000"])
    func numbersReadAsSwiftReadsThem(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { field in
            var fields = RecordText.Fields(field)
            #expect(fields.integer() == Int64(text))
            fields = RecordText.Fields(field)
            #expect(fields.unsigned() == UInt64(text))
            fields = RecordText.Fields(field)
            #expect(fields.unsigned(radix: 16) == UInt64(text, radix: 16))
        }
    }

    /// A text field is escaped wherever its byte to escape is, in the words the writer looks
    /// over eight bytes at a time or the bytes after them, and other bytes below 14 are not.
    @Test(arguments: ["\\", "\t", "\n", "\r", "\u{01}", "\u{0B}", "\u{0E}", "]", "é"])
    func aTextFieldIsEscapedWhereverItsByteIs(special: String) {
        for count in 0..<20 {
            for place in 0...count {
                var characters = Array(repeating: place % 2 == 0 ? "a" : "€", count: count)
                characters.insert(special, at: place)
                let text = characters.joined()
                var writer = RecordText.Writer(header: "h")
                writer.text(text)
                #expect(writer.text == "h\n" + RecordText.escape(text), "\(text.debugDescription)")
            }
        }
        #expect(RecordText.escape("a\u{01}\u{0B}\u{0E}]é") == "a\u{01}\u{0B}\u{0E}]é")
    }

    /// The writer's bytes past its first 64 KiB, and a field longer than all it has so far.
    @Test func aRecordLongerThanTheWritersFirstBufferIsWhole() {
        var writer = RecordText.Writer(header: "h")
        var expected = "h\n"
        for index in 0..<10_000 {
            writer.raw("n")
            writer.number(index - 5_000)
            writer.text("a\tb")
            writer.endLine()
            expected += "n\t\(index - 5_000)\ta\\tb\n"
        }
        let long = String(repeating: "é\\", count: 100_000)
        writer.text(long)
        writer.raw(long)
        expected += RecordText.escape(long) + "\t" + long
        #expect(writer.text == expected)
        #expect(writer.finished == Data((expected + "end\n").utf8), "the end line follows the bytes as they are")
    }

    /// A page's date is written as its `description`, in and beyond four digits of year.
    @Test func aDateIsWrittenAsItDescribesItself() throws {
        var dates = [CalendarDate(year: 2026, month: 1, day: 3)!, CalendarDate(year: 5, month: 12, day: 31)!,
                     CalendarDate(year: 9999, month: 10, day: 9)!]
        for (year, month, day) in [(12_026, 1, 3), (-5, 1, 1), (2026, 123, 4), (2026, 4, -1), (0, 0, 0)] {
            var date = dates[0]
            (date.year, date.month, date.day) = (year, month, day)
            dates.append(date)
        }
        for date in dates { #expect(BuildManifest.iso(date) == date.description) }
    }

    /// A path of bytes that are not UTF-8 reads as the record's whole text decoded, then
    /// unescaped, always has: a backslash before a stray byte does not join it to the next.
    @Test func bytesThatAreNotUTF8ReadAsTheyAlwaysHave() throws {
        let manifest = BuildManifest(inputs: [:], outputs: ["x": Self.record])
        var bytes = Array(manifest.data)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "x")))
        bytes.replaceSubrange(at...at, with: [0xE2, UInt8(ascii: "\\"), 0x82, 0xAC])
        let read = try #require(BuildManifest(data: Data(bytes)))
        #expect(Array(read.outputs.keys) == ["\u{FFFD}\u{FFFD}\u{FFFD}"])
    }
}

extension RecordText {
    /// Each line's fields between the header and the end line, nil as `forEachLine` is: the
    /// record text's tests read a record whole.
    static func lines(of data: Data, header: String) -> [[Substring]]? {
        var lines: [[Substring]] = []
        let whole = forEachLine(of: data, header: header) { line in
            var fields = Fields(line), found: [Substring] = []
            while let field = fields.next() { found.append(Substring(String(decoding: field, as: UTF8.self))) }
            lines.append(found)
            return true
        }
        return whole == true ? lines : nil
    }
}
