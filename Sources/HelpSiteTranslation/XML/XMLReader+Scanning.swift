/// Moving through the characters, keeping the line and column (1-based, in Unicode scalars).
extension XMLReader {
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    func starts(with text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    /// The next character, refused if XML does not allow it anywhere (a control character, U+FFFE).
    @discardableResult
    mutating func advanceChecked() throws(XMLError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw fail("the file ends too early") }
        guard isXMLChar(scalar) else {
            throw fail("character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in XML")
        }
        advance()
        return scalar
    }

    mutating func expect(_ text: String) throws(XMLError) {
        guard starts(with: text) else {
            throw fail(index >= scalars.count ? "the file ends where '\(text)' was expected" : "expected '\(text)'")
        }
        for _ in text.unicodeScalars { advance() }
    }

    /// Skips white space; says whether there was any.
    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = index
        while let scalar = peek(), isSpace(scalar) { advance() }
        return index > start
    }

    /// An XML name (`unit`, `xml:space`, `mda:metadata`).
    mutating func name() throws(XMLError) -> String {
        guard let first = peek(), isNameStart(first) else { throw fail("expected a name") }
        var name = String.UnicodeScalarView()
        while let scalar = peek(), isNameStart(scalar) || isNameChar(scalar) {
            name.append(scalar)
            advance()
        }
        return String(name)
    }

    func fail(_ message: String) -> XMLError {
        XMLError(message: message, line: line, column: column)
    }

    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n"
    }

    /// XML 1.0 §2.2 Char.
    func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// XML 1.0 (fifth edition) §2.3 NameStartChar.
    func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    /// The rest of §2.3 NameChar.
    func isNameChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
