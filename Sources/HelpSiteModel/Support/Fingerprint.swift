/// A stable 64-bit fingerprint of bytes (FNV-1a): the same input gives the same
/// value in every run, which Swift's `Hasher` deliberately does not.
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
        text.withUTF8 { add(bytes: $0) }
        add(bytes: [0xFF]) // a separator, so that "ab"+"c" differs from "a"+"bc"
    }

    public mutating func add(_ other: Fingerprint) {
        withUnsafeBytes(of: other.value.littleEndian) { add(bytes: $0) }
    }

    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
    }

    /// Sixteen hexadecimal digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
