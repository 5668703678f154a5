extension HTMLTokenizer.Scanner {
    /// `name`, `name=value`, `name="value"` or `name='value'`, with spaces
    /// allowed around `=`; nil when the file ends inside a quoted value, and
    /// `.some(nil)` for an attribute that is not kept.
    mutating func readAttribute() -> HTMLAttribute?? {
        let start = index
        // A leading `=` belongs to the name (the standard's "unexpected equals sign").
        if byte(at: index) == UInt8(ascii: "=") { index += 1 }
        while let byte = byte(at: index), !HTMLTokenizer.isSpace(byte),
              byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "=") {
            index += 1
        }
        let kept = keeps(start, index)
        let name = kept ? Self.lowercasedString(bytes[start..<index]) : ""
        skipSpace()
        guard byte(at: index) == UInt8(ascii: "=") else {
            return kept ? HTMLAttribute(name: name, value: "", offset: start) : .some(nil)
        }
        index += 1
        skipSpace()
        guard let first = byte(at: index) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = find(first, from: index + 1) else { return nil }
            let valueStart = index + 1
            index = close + 1
            guard kept else { return .some(nil) }
            return HTMLAttribute(name: name, value: HTMLEntities.decode(UnsafeBufferPointer(rebasing: bytes[valueStart..<close]), inAttribute: true),
                                 offset: start)
        }
        if first == UInt8(ascii: ">") {
            return kept ? HTMLAttribute(name: name, value: "", offset: start) : .some(nil)
        }
        let valueStart = index
        while let byte = byte(at: index), !HTMLTokenizer.isSpace(byte), byte != UInt8(ascii: ">") {
            index += 1
        }
        guard kept else { return .some(nil) }
        return HTMLAttribute(name: name, value: HTMLEntities.decode(UnsafeBufferPointer(rebasing: bytes[valueStart..<index]), inAttribute: true),
                             offset: start)
    }

    static func lowercasedString(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        if slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            return String(decoding: slice.map(HTMLTokenizer.lowercased), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)
    }
}
