import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` next is, from `start`: found with `memchr`, which reads many bytes at a time
    /// (a Swift loop over every byte of every content file cost 2% of a build).
    func firstOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard start < count, let base = baseAddress, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// How many times `byte` occurs.
    func count(of byte: UInt8) -> Int {
        var found = 0, offset = 0
        while let next = firstOffset(of: byte, from: offset) {
            found += 1
            offset = next + 1
        }
        return found
    }
}
