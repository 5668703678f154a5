import Foundation

/// Comments, bogus comments and the doctype: read past, their text kept.
extension HTMLTokenizer.Scanner {
    /// Up to the next `>`, or the end of the file.
    mutating func bogusComment(from start: Int) -> String {
        let end = find(UInt8(ascii: ">"), from: start) ?? bytes.count
        index = min(end + 1, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `<!--…-->`, `<!DOCTYPE …>`, or any other `<!…>` as a bogus comment.
    mutating func markupDeclaration() -> HTMLToken {
        let start = index
        if starts(with: "<!--", at: start) {
            return .comment(comment(from: start + 4), offset: start)
        }
        if starts(with: "<!doctype", at: start, ignoringCase: true) {
            let text = bogusComment(from: start + 9)
            return .doctype(text.trimmingCharacters(in: .whitespaces), offset: start)
        }
        return .comment(bogusComment(from: start + 2), offset: start)
    }

    /// A comment's text; `<!-->` and `<!--->` end at once, `--!>` ends one too.
    private mutating func comment(from start: Int) -> String {
        if byte(at: start) == UInt8(ascii: ">") { index = start + 1; return "" }
        if starts(with: "->", at: start) { index = start + 2; return "" }
        var offset = start
        while let dash = find(UInt8(ascii: "-"), from: offset) {
            if starts(with: "-->", at: dash) {
                index = dash + 3
                return String(decoding: bytes[start..<dash], as: UTF8.self)
            }
            if starts(with: "--!>", at: dash) {
                index = dash + 4
                return String(decoding: bytes[start..<dash], as: UTF8.self)
            }
            offset = dash + 1
        }
        index = bytes.count
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
