/// A stable 64-bit fingerprint of bytes: the same input gives the same value in every run,
/// which Swift's `Hasher` deliberately does not. It tells content apart between builds and
/// checks of one helpsite (records are keyed by the executable), so its function may change
/// between versions; a fingerprint written into the content must not, and uses
/// `Fingerprint.stable(_:)`.
///
/// Bytes are taken eight at a time, each word folded into the value with a 64 × 64 → 128-bit
/// multiply (the high and low halves exclusive-or'ed, as wyhash and rapidhash do), then the
/// last zero to seven bytes with their count. FNV-1a, byte by byte, was a fifth of a check
/// that reuses every page (docs/decisions/0010-fingerprint.md).
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// A fingerprint written down earlier (its `value`).
    package init(value: UInt64) {
        self.value = value
    }

    public init(_ text: String) {
        add(text)
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        addSeparator()
    }

    /// What `add(_: String)` ends a text with, so that "ab"+"c" differs from "a"+"bc".
    public mutating func addSeparator() {
        value = Self.fold(value ^ 0xFF, Self.tailFactor)
    }

    public mutating func add(_ other: Fingerprint) {
        value = Self.fold(value ^ other.value, Self.wordFactor)
    }

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var value = self.value
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            value = Self.fold(value ^ word, Self.wordFactor)
            offset += 8
        }
        // The last bytes, with their count in the top byte: [1, 0] differs from [1].
        var tail = UInt64(count - offset) << 56
        for shift in 0..<(count - offset) {
            tail |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift))
        }
        self.value = Self.fold(value ^ tail, Self.tailFactor)
    }

    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ add(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { add(bytes: $0) }
        }
    }

    private static let wordFactor: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let tailFactor: UInt64 = 0xD6E8_FEB8_6659_FD93

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Sixteen hexadecimal digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// FNV-1a of the text's UTF-8 bytes and a 0xFF separator: the fingerprint `.sources.yaml`
    /// holds of each reference text, written into the content and so never to change.
    public static func stable(_ text: String) -> Fingerprint {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 + [0xFF] {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Fingerprint(value: value)
    }
}
