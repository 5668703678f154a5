import Foundation
import HelpSiteModel

/// The links of an HTML text made absolute, for text read away from its page (a FAQ's answers
/// in its JSON-LD): `href="../klachten/#mediation"` → `href="https://…/nl/klachten/#mediation"`.
enum AbsoluteLinks {
    /// Over the bytes: the text between links is copied a stretch at a time, and a text
    /// without a link is returned as it is, without parsing the base.
    static func make(in html: String, from base: String) -> String {
        make(in: html, against: Base(base))
    }

    /// A page's address, parsed when a first link needs it and then kept for the page's
    /// other texts (a FAQ's answers share their page's address).
    final class Base {
        let text: String
        private(set) lazy var simple = SimpleBase(text)
        private(set) lazy var url = URL(string: text)

        init(_ text: String) { self.text = text }
    }

    static func make(in html: String, against base: Base) -> String {
        let marker = Array("href=\"".utf8)
        var source = html
        return source.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var copied = 0, index = 0
            while let found = firstOffset(of: marker, in: bytes, from: index) {
                let start = found + marker.count
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
                index = end
                if result.isEmpty { result.reserveCapacity(bytes.count + 256) }
                guard let resolved = resolve(bytes[start..<end], against: base) else { continue }
                result.append(contentsOf: bytes[copied..<start])
                result.append(contentsOf: HTML.escape(resolved).utf8)
                copied = end
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: bytes[copied...])
            return String(decoding: result, as: UTF8.self)
        } ?? html
    }

    /// A link's target made absolute, if it is relative (has no `:`, or starts with `#`).
    private static func resolve(_ target: Slice<UnsafeBufferPointer<UInt8>>, against base: Base) -> String? {
        // cmark-gfm writes a link's target in ASCII, where a byte is a character; beyond it, as Strings compare.
        let ascii = target.allSatisfy { $0 < 0x80 }
        if ascii, let simple = base.simple, let resolved = simple.resolve(target) { return resolved }
        let text = String(decoding: target, as: UTF8.self)
        let relative = ascii ? !target.contains(UInt8(ascii: ":")) || target.first == UInt8(ascii: "#")
                             : !text.contains(":") || text.hasPrefix("#")
        guard relative else { return nil }
        let unescaped = ascii && !target.contains(UInt8(ascii: "&")) ? text : text.replacingOccurrences(of: "&amp;", with: "&")
        guard let url = base.url else { return nil }
        return URL(string: unescaped, relativeTo: url)?.absoluteString
    }

    private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A page's address of the plainest shape, `https://host/nl/faq/`, against which the links
    /// between pages (`../klachten/#stap-2`, `#stap-2`) are resolved as RFC 3986 says, without
    /// Foundation's URL, which cost a FAQ page more than its HTML.
    struct SimpleBase {
        /// `https://host`
        let origin: String
        /// The folders of the path: `nl`, `faq`.
        let folders: [Substring]

        /// nil unless `base` is `http` or `https`, a host of lower-case letters, digits, dots,
        /// dashes (and a port), and a path of unreserved characters that ends with a `/`.
        init?(_ base: String) {
            let scheme = base.hasPrefix("https://") ? "https://" : base.hasPrefix("http://") ? "http://" : nil
            guard let scheme else { return nil }
            let rest = base.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/"), slash > rest.startIndex,
                  rest[..<slash].utf8.allSatisfy({ Self.isHostByte($0) }), base.hasSuffix("/") else { return nil }
            let path = rest[slash...]
            guard path.utf8.allSatisfy({ Self.isUnreserved($0) || $0 == UInt8(ascii: "/") }), !path.contains("//") else { return nil }
            let folders = path.split(separator: "/")
            guard !folders.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
            origin = scheme + rest[..<slash]
            self.folders = folders
        }

        /// `../`s, then a path of unreserved characters and slashes with no `.` or `..` folder, then
        /// an optional fragment of unreserved characters; nil for anything else.
        func resolve(_ target: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            guard !target.isEmpty else { return nil }
            var start = target.startIndex, up = 0
            while target.endIndex - start >= 3, target[start] == UInt8(ascii: "."), target[start + 1] == UInt8(ascii: "."),
                  target[start + 2] == UInt8(ascii: "/") {
                up += 1
                start += 3
            }
            let hash = target[start...].firstIndex(of: UInt8(ascii: "#")) ?? target.endIndex
            let path = target[start..<hash], fragment = target[hash...].dropFirst()
            guard up <= folders.count, path.first != UInt8(ascii: "/"),
                  path.allSatisfy({ Self.isUnreserved($0) || $0 == UInt8(ascii: "/") }),
                  fragment.allSatisfy(Self.isUnreserved),
                  !path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                      .contains(where: { $0.elementsEqual([UInt8(ascii: ".")]) || $0.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) })
            else { return nil }
            let kept = folders.dropLast(up)
            return origin + "/" + kept.joined(separator: "/") + (kept.isEmpty ? "" : "/") + String(decoding: target[start...], as: UTF8.self)
        }

        /// RFC 3986's unreserved characters: letters, digits, `-`, `.`, `_`, `~`.
        private static func isUnreserved(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }

        private static func isHostByte(_ byte: UInt8) -> Bool {
            byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }
    }
}
