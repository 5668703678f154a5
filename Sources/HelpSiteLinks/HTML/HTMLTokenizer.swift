/// A small HTML5 tokenizer: the states of the WHATWG tokenizer that decide
/// what is a tag, an attribute, a comment or raw text, over UTF-8 bytes.
///
/// What it follows from the standard: case-insensitive tag and attribute
/// names; double-quoted, single-quoted and unquoted values; attributes with no
/// value; the first of two equal attributes wins; `<!-- -->`, `<!-->`, `--!>`;
/// `<!DOCTYPE>`; `<? >`, `</ >` and `<!x>` read as bogus comments; a `<` that
/// starts no tag is text; the contents of `script`, `style`, `textarea`,
/// `title` and the other raw-text elements are never tags; a tag cut off by
/// the end of the file is dropped. What it leaves out, because generated pages
/// do not need it: tree construction, foreign (SVG) CDATA, and the
/// script-data "escaped" states (`<!--` inside a script).
public enum HTMLTokenizer {
    /// Elements whose content is text up to their own end tag.
    static let rawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]
        .map { Array($0.utf8) }

    /// The raw-text element a tag name (any case) names, compared byte by byte: asked for every tag.
    static func rawTextElement(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard (3...9).contains(name.count) else { return nil }
        for element in rawTextElements where element.count == name.count {
            if zip(element, name).allSatisfy({ $0 == lowercased($1) }) { return String(decoding: element, as: UTF8.self) }
        }
        return nil
    }

    public static func tokens(in bytes: [UInt8]) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        scan(bytes, keeping: nil) { tokens.append($0) }
        return tokens
    }

    /// Each start tag in order, with only the attributes named in `attributes`
    /// (lowercase): the link check reads hundreds of megabytes and needs a few of them.
    public static func forEachStartTag(in bytes: [UInt8], keeping attributes: Set<String>, _ body: (HTMLTag) -> Void) {
        scan(bytes, keeping: attributes) { token in
            if case .startTag(let tag) = token { body(tag) }
        }
    }

    private static func scan(_ bytes: [UInt8], keeping: Set<String>?, _ emit: (HTMLToken) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in scan(buffer, keeping: keeping, emit) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, keeping: Set<String>?, _ emit: (HTMLToken) -> Void) {
        var scanner = Scanner(bytes: bytes, keeping: keeping)
        while let start = scanner.find(UInt8(ascii: "<")) {
            scanner.index = start
            let next = scanner.byte(at: start + 1)
            if let next, isLetter(next) {
                guard let (tag, rawText) = scanner.startTag() else { break }
                if !tag.name.isEmpty { emit(.startTag(tag)) }
                if let rawText {
                    // `plaintext` has no end tag: the rest of the file is its text.
                    guard rawText != "plaintext", let end = scanner.rawTextEnd(rawText) else { break }
                    scanner.index = end
                }
            } else if next == UInt8(ascii: "/") {
                if let letter = scanner.byte(at: start + 2), isLetter(letter) {
                    guard let name = scanner.endTag() else { break }
                    emit(.endTag(name: name, offset: start))
                } else if scanner.byte(at: start + 2) == UInt8(ascii: ">") {
                    scanner.index = start + 3
                } else {
                    emit(.comment(scanner.bogusComment(from: start + 2), offset: start))
                }
            } else if next == UInt8(ascii: "!") {
                emit(scanner.markupDeclaration())
            } else if next == UInt8(ascii: "?") {
                emit(.comment(scanner.bogusComment(from: start + 1), offset: start))
            } else {
                scanner.index = start + 1
            }
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
