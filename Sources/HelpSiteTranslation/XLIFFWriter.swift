/// Writes paired texts as an XLIFF 2.1 document: one `<file>` per content file,
/// one `<unit>` per text with notes on where it is and what it is, and one
/// `<segment>` holding the reference text and the current translation.
package enum XLIFFWriter {
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    static let version = "2.1"

    static func document(_ files: [UnitFile], sourceLanguage: String, targetLanguage: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- HelpSite: the \(sourceLanguage) texts of the site with their \(targetLanguage) translations. \
            Translate the <target> elements, then run: helpsite import-xliff FILE -->
            <xliff xmlns="\(namespace)" version="\(version)" srcLang="\(attribute(sourceLanguage))" trgLang="\(attribute(targetLanguage))">

            """
        for file in files {
            xml += "  <file id=\"\(attribute(file.id))\" original=\"\(attribute(file.translationName))\" xml:space=\"preserve\">\n"
            for unit in file.units {
                xml += self.unit(unit, in: file)
            }
            xml += "  </file>\n"
        }
        xml += "</xliff>\n"
        return xml
    }

    private static func unit(_ unit: UnitFile.Unit, in file: UnitFile) -> String {
        var notes: [(category: String, appliesTo: String?, text: String)] = []
        if file.id != "language" { notes.append(("page", nil, file.id)) }
        notes += unit.source.context.map { ($0.category, nil, $0.text) }
        if unit.source.isMarkdown {
            notes.append(("format", nil, "Markdown: keep **bold**, *italic*, list dashes and [text](address) links; addresses are checked against the source"))
        }
        notes.append(("location", "source", "\(file.referenceName):\(unit.source.location.line):\(unit.source.location.column)"))
        if let target = unit.target {
            notes.append(("location", "target", "\(file.translationName):\(target.location.line):\(target.location.column)"))
        }
        var xml = "    <unit id=\"\(attribute(unit.id))\">\n      <notes>\n"
        for note in notes {
            let applies = note.appliesTo.map { " appliesTo=\"\($0)\"" } ?? ""
            xml += "        <note category=\"\(attribute(note.category))\"\(applies)>\(text(note.text))</note>\n"
        }
        xml += "      </notes>\n"
        xml += "      <segment state=\"\(unit.target == nil ? "initial" : "translated")\">\n"
        xml += "        <source>\(text(unit.source.value))</source>\n"
        if let target = unit.target {
            xml += "        <target>\(text(target.value))</target>\n"
        }
        xml += "      </segment>\n    </unit>\n"
        return xml
    }

    /// Character data: `&`, `<` and `>` escaped; CR kept as a reference (a parser would read
    /// it as LF); characters XML cannot hold written as XLIFF's `<cp hex="…"/>`.
    package static func text(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\r": escaped += "&#13;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped += "<cp hex=\"\(String(scalar.value, radix: 16, uppercase: true))\"/>"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// An attribute value in double quotes.
    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }
}
