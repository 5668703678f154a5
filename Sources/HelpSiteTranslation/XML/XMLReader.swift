/// A strict reader of the XML that XLIFF files are written in: elements, attributes,
/// namespaces, text, character and the five predefined entity references, CDATA
/// sections, comments and processing instructions. Anything that is not well-formed
/// XML 1.0 is an error at its line and column.
///
/// It is written here rather than taken from FoundationXML because FoundationXML
/// brings libxml2, and with it ICU, liblzma and zlib, into every start of the
/// `helpsite` binary (about 0.5 ms of CPU per run, measured, for every command, not
/// only the XLIFF ones) and a build dependency on libxml2-dev; because XMLParser
/// reports where a tag ends, not where it starts; and because a document type
/// declaration, the door to entity expansion, can simply be refused here.
struct XMLReader {
    var scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    /// Prefix → namespace URI, one scope per open element.
    var scopes: [[String: String]] = [["xml": XMLElement.xmlNamespace]]

    /// Elements nested deeper than this are refused: the reader recurses once per level.
    static let maximumDepth = 64

    /// Parses a whole document and returns its root element.
    static func parse(_ text: String) throws(XMLError) -> XMLElement {
        var reader = XMLReader(text: text)
        return try reader.document()
    }

    init(text: String) {
        // XML 1.0 §2.11: every CR LF and lone CR is read as LF before parsing.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
                previousWasCR = false
            }
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    private mutating func document() throws(XMLError) -> XMLElement {
        if starts(with: "<?xml"), let next = peek(5), next == " " || next == "\t" || next == "\n" {
            try declaration()
        }
        try misc()
        guard peek() == "<" else {
            throw fail(index >= scalars.count ? "the file holds no XML element" : "expected the root element, found text")
        }
        let root = try element(depth: 1)
        try misc()
        guard index >= scalars.count else { throw fail("text after the end of the root element <\(root.name)>") }
        return root
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`: only UTF-8 is read.
    private mutating func declaration() throws(XMLError) {
        try expect("<?xml")
        while true {
            let spaced = skipSpace()
            if starts(with: "?>") { try expect("?>"); return }
            guard spaced else { throw fail("expected a space or '?>' in the XML declaration") }
            let (name, value, line, column) = try attributeText()
            switch name {
            case "version" where value == "1.0" || value == "1.1": break
            case "encoding" where value.lowercased() == "utf-8": break
            case "standalone" where value == "yes" || value == "no": break
            case "encoding":
                throw XMLError(message: "encoding '\(value)' is not read; save the file as UTF-8", line: line, column: column)
            default:
                throw XMLError(message: "'\(name)=\"\(value)\"' is not valid in the XML declaration", line: line, column: column)
            }
        }
    }

    /// Comments, processing instructions and white space between the top-level parts.
    private mutating func misc() throws(XMLError) {
        while true {
            skipSpace()
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if starts(with: "<!DOCTYPE") {
                throw fail("a document type declaration (<!DOCTYPE) is not accepted in an XLIFF file")
            } else {
                return
            }
        }
    }

    mutating func comment() throws(XMLError) {
        let (startLine, startColumn) = (line, column)
        try expect("<!--")
        while index < scalars.count {
            if starts(with: "--") {
                guard peek(2) == ">" else { throw fail("'--' is not allowed inside a comment") }
                try expect("-->")
                return
            }
            try advanceChecked()
        }
        throw XMLError(message: "the comment is never closed with -->", line: startLine, column: startColumn)
    }

    mutating func processingInstruction() throws(XMLError) {
        let (startLine, startColumn) = (line, column)
        try expect("<?")
        let target = try name()
        if target.lowercased() == "xml" { throw fail("the XML declaration is allowed only at the very start of the file") }
        while index < scalars.count {
            if starts(with: "?>") { try expect("?>"); return }
            try advanceChecked()
        }
        throw XMLError(message: "the processing instruction is never closed with ?>", line: startLine, column: startColumn)
    }
}
