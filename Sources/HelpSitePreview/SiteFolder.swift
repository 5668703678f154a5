import Foundation

/// The built site as the server may show it: files inside the output folder and
/// nothing else. Hummingbird's FileMiddleware follows symbolic links wherever they
/// lead, so the preview resolves paths itself.
struct SiteFolder: Sendable {
    let root: String

    enum Resolution: Equatable {
        /// A regular file inside the folder, by its real path.
        case file(String)
        /// A folder asked for without its `/`: the browser must come back with it, or the
        /// page's relative links would resolve one level too high.
        case redirect(String)
        case notFound
        /// A `..` or `.` segment, a bad escape, or a symbolic link that leads out of the folder.
        case refused(String)
    }

    /// Resolves the path of a request as it arrived, still percent-encoded.
    func resolve(_ requestPath: String) -> Resolution {
        guard requestPath.hasPrefix("/") else { return .refused("the path does not start with /") }
        let raw = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        var segments: [String] = []
        for segment in raw {
            guard let decoded = Self.percentDecoded(segment) else { return .refused("bad percent escape in the path") }
            if decoded == "." || decoded == ".." { return .refused("the path climbs with '\(decoded)'") }
            if decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                return .refused("the path hides a separator in an escape")
            }
            segments.append(decoded)
        }
        guard let realRoot = Self.realPath(root) else { return .notFound }
        let candidate = ([root] + segments).joined(separator: "/")
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(real, realRoot) else { return .refused("a symbolic link leads out of the site") }
        switch Self.kind(real) {
        case .directory:
            // Rebuilt from the segments, so that `//host` can never become a redirect to another site.
            guard requestPath.hasSuffix("/") else { return .redirect("/" + raw.joined(separator: "/") + "/") }
            guard let index = Self.realPath(real + "/index.html") else { return .notFound } // no listings
            guard Self.isInside(index, realRoot) else { return .refused("a symbolic link leads out of the site") }
            return Self.kind(index) == .file ? .file(index) : .notFound
        case .file:
            return requestPath.hasSuffix("/") ? .notFound : .file(real)
        case .other:
            return .notFound
        }
    }

    /// The language folder a path is under (`fr` for `/fr/plaintes/`), for its 404 page.
    func notFoundPage(for requestPath: String) -> String? {
        let first = requestPath.split(separator: "/").first.flatMap { Self.percentDecoded($0) }
        var candidates = ["404.html"]
        if let first, !first.isEmpty, first != ".", first != "..", !first.contains("/") {
            candidates.insert(first + "/404.html", at: 0)
        }
        for candidate in candidates {
            if case .file(let path) = resolve("/" + candidate) { return path }
        }
        return nil
    }

    private enum Kind { case file, directory, other }

    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link resolved, or `nil` if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Strict percent-decoding: a `%` not followed by two hex digits, or bytes that are not UTF-8, give `nil`.
    static func percentDecoded(_ segment: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
