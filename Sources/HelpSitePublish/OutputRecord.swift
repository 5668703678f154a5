import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HelpSiteModel

/// One file of a built site as the build records it for the next one: what the file was
/// made from, and the marks that tell it from a file replaced or edited since.
public struct OutputRecord: Codable, Equatable, Sendable {
    /// The page's fingerprint; for a site-wide file (home, 404 pages, sitemap, static
    /// files), a fingerprint of its bytes.
    public var fingerprint: String
    public var identity: FileIdentity

    public init(fingerprint: String, identity: FileIdentity) {
        self.fingerprint = fingerprint
        self.identity = identity
    }

    /// The fingerprint a site-wide file is recorded with.
    static func fingerprint(of contents: Data) -> String {
        var fingerprint = Fingerprint("file contents")
        contents.withUnsafeBytes { fingerprint.add(bytes: $0) }
        return fingerprint.description
    }

    // Tens of thousands of these are read and written every build: an array each, not an object.
    public init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        fingerprint = try fields.decode(String.self)
        identity = FileIdentity(inode: try fields.decode(UInt64.self), size: try fields.decode(Int64.self),
                                modified: try fields.decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(fingerprint)
        try fields.encode(identity.inode)
        try fields.encode(identity.size)
        try fields.encode(identity.modified)
    }
}
