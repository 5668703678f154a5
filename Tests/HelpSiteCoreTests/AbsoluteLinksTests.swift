import Foundation
import Testing
import HelpSiteModel
@testable import HelpSiteRender

/// A FAQ answer's links in its JSON-LD are absolute: resolved without Foundation where the
/// address and the link have the plainest shape, and exactly as Foundation resolves them.
@Suite("Links made absolute")
struct AbsoluteLinksTests {
    static let bases = ["https://help.voorbeeldbank.example/nl/veelgestelde-vragen/", "https://help.example.be/",
                        "http://localhost:8080/help/fr/questions-frequentes/", "https://Help.Example.be/nl/faq/",
                        "https://help.example.be/nl/faq", "https://help.example.be/nl//faq/", "https://help.example.be/nl/./faq/",
                        "https://help.example.be/n%20l/faq/", "not a url", "https://help.example.be/nl/faq/?x=1"]
    static let targets = ["../klachten/", "../klachten/#stap-2", "#stap-2", "#", "../../", "../../fr/plaintes/#mediation", "klachten/",
                          "a/b/c", "../../../x/", "../../../../x/", "..", "../..", "./x", "../x/./y", "a/../b", "a//b", "/nl/klachten/",
                          "../x#a#b", "../x/#a.b_c~d-e", "https://www.ombudsfin.be/nl/", "mailto:klachten@sfs.example.be",
                          "../klachten/?a=1&amp;b=2", "../kla%20chten/", "../klächten/", ""]

    @Test(arguments: bases)
    func linksAreResolvedAsFoundationResolvesThem(_ base: String) {
        for target in Self.targets {
            let html = "<p>Zie <a href=\"\(target)\">hier</a> en <a href=\"#boven\">boven</a>.</p>"
            #expect(AbsoluteLinks.make(in: html, from: base) == Self.foundation(html, from: base), "\(target) from \(base)")
        }
    }

    @Test func aTextWithoutALinkIsLeftAsItIs() {
        #expect(AbsoluteLinks.make(in: "<p>Geen link.</p>", from: "not a url") == "<p>Geen link.</p>")
    }

    /// How the links were made absolute before: each with Foundation's URL.
    static func foundation(_ html: String, from base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        let bytes = Array(html.utf8), marker = Array("href=\"".utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index...].starts(with: marker) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result += marker
            index += marker.count
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let target = String(decoding: bytes[index..<end], as: UTF8.self)
            let relative = !target.contains(":") || target.hasPrefix("#")
            let resolved = relative ? URL(string: target.replacingOccurrences(of: "&amp;", with: "&"), relativeTo: baseURL)?.absoluteString : nil
            result += Array((resolved.map(HTML.escape) ?? target).utf8)
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// JSON-LD strings escape what would end the string or the `<script>` element, wherever it is.
@Suite("JSON text")
struct JSONTextTests {
    @Test func everyCharacterThatNeedsItIsEscapedAtEveryOffset() {
        for special in ["\"", "\\", "<", "\n", "\r", "\t", "\u{01}", "\u{1F}", "é", "€", "\u{7F}", ">"] {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + "bcdefghijklmnop"
                #expect(JSONText.encode(.string(text)) == Self.escaped(text), "\(special.debugDescription) at \(offset)")
            }
        }
    }

    /// A byte at a time, as JSON and the `<script>` element need.
    static func escaped(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case _ where scalar.value < 0x20: output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
