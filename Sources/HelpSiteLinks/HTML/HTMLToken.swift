/// One token of an HTML document, as the HTML5 tokenizer's states produce it.
/// Text between tags is not reported: the link check has no use for it.
public enum HTMLToken: Equatable, Sendable {
    case doctype(String, offset: Int)
    case startTag(HTMLTag)
    case endTag(name: String, offset: Int)
    case comment(String, offset: Int)
}

/// A start tag: `<a class="x" href="../fr/">`, with byte offsets into the document
/// so that a `HTMLLineIndex` can turn them into lines and columns.
public struct HTMLTag: Equatable, Sendable {
    /// Lowercased, as HTML compares names.
    public var name: String
    /// In source order; a repeated attribute keeps its first value, as browsers do.
    public var attributes: [HTMLAttribute]
    public var selfClosing: Bool
    /// Offset of the `<`.
    public var offset: Int

    public init(name: String, attributes: [HTMLAttribute] = [], selfClosing: Bool = false, offset: Int) {
        self.name = name
        self.attributes = attributes
        self.selfClosing = selfClosing
        self.offset = offset
    }

    /// The value of `name` (lowercase), entities decoded; `""` for an attribute without a value.
    public subscript(name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public func attribute(_ name: String) -> HTMLAttribute? {
        attributes.first { $0.name == name }
    }
}

public struct HTMLAttribute: Equatable, Sendable {
    /// Lowercased.
    public var name: String
    /// Character references decoded.
    public var value: String
    /// Offset of the attribute's name.
    public var offset: Int

    public init(name: String, value: String, offset: Int) {
        self.name = name
        self.value = value
        self.offset = offset
    }
}

/// Byte offsets → 1-based line and column (counted in Unicode scalars). Built
/// once per document; each lookup is a binary search, so tokenizing never has
/// to count lines as it goes.
public struct HTMLLineIndex: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                // CR LF is one line break; a lone CR is one too (HTML normalises both).
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        self.bytes = bytes
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        var column = 1
        var index = start
        while index < offset, index < bytes.count {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
