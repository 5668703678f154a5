import Foundation

/// The ledger of every page address the site has ever published, `content/published.txt`:
/// committed with the content, so that a review shows each address a change adds. It is
/// an input of the build (an address it lists must still be served: by a page, or by a
/// redirect of `site.yaml`) and an output (the build adds the addresses it publishes for the
/// first time). `helpsite links` reads it too, to ask whether the site still serves each.
///
///     # comments and empty lines are kept out of the entries
///     en/complaints/ complaints
///     fr/plaintes/ complaints
///
/// One address a line, relative to `base_url` and ending in `/`, then the id of the page
/// that had it, sorted by address. Nothing but a person removes a line.
public struct PublishedAddresses: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `fr/plaintes/`.
        public var address: String
        /// The page that had it when it was first published.
        public var page: String
        /// Where the line is, 0 for an entry this build adds.
        public var line: Int

        public init(address: String, page: String, line: Int = 0) {
            self.address = address
            self.page = page
            self.line = line
        }
    }

    /// The file, as the user named it: `content/published.txt`.
    public let file: String
    /// Sorted by address, one per address.
    public private(set) var entries: [Entry]

    /// The ledger of the site whose content folder is `content`.
    public static func file(inContent content: String) -> String {
        Paths.join(content, "published.txt")
    }

    public init(file: String, entries: [Entry] = []) {
        self.file = file
        var seen = Set<String>()
        self.entries = entries.sorted { $0.address < $1.address }.filter { seen.insert($0.address).inserted }
    }

    /// Reads the ledger; a missing file is an empty ledger (a site never built). A line that
    /// is not an address and a page id is reported at its place and left out.
    public static func read(_ file: String) -> (PublishedAddresses, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let data = FileManager.default.contents(atPath: file) else {
            if FileManager.default.fileExists(atPath: file) {
                diagnostics.error("\(file) cannot be read", at: SourceLocation(file: file))
            }
            return (PublishedAddresses(file: file), diagnostics)
        }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        // Over the bytes, a line at a time: as Strings and Substrings, a line of a 1,000-page
        // site's ledger cost 18,000 instructions (a one-page rebuild reads all 3,000).
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0, number = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                number += 1
                guard let (text, fields) = Self.fields(of: line) else { continue }
                let location = SourceLocation(file: file, line: number, column: 1)
                guard fields.count == 2, Self.isAddress(fields[0]) else {
                    diagnostics.error("expected an address of the site and a page id, such as 'fr/plaintes/ complaints', found '\(text())'",
                                      at: location)
                    continue
                }
                let address = fields[0]
                if let first = seen[address] {
                    diagnostics.error("\(address) is listed twice", at: location,
                                      notes: [.init("first listed here", at: SourceLocation(file: file, line: first, column: 1))])
                    continue
                }
                seen[address] = number
                entries.append(Entry(address: address, page: fields[1], line: number))
            }
        }
        return (PublishedAddresses(file: file, unique: entries), diagnostics)
    }

    /// A line's fields, split at spaces and tabs, and its text trimmed (for an error); nil for
    /// an empty line or a comment. A line of ASCII (every line the build writes) is trimmed and
    /// split over its bytes; another as Foundation trims Unicode's spaces.
    private static func fields(of line: UnsafeRawBufferPointer) -> (text: () -> String, fields: [String])? {
        guard line.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
            return ({ text }, text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
        }
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = line.firstIndex(where: { !isSpace($0) }), line[first] != UInt8(ascii: "#") else { return nil }
        let trimmed = UnsafeRawBufferPointer(rebasing: line[first...line.lastIndex(where: { !isSpace($0) })!])
        return ({ String(decoding: trimmed, as: UTF8.self) }, trimmed.split(whereSeparator: isSpace).map { String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self) })
    }

    /// Entries one per address, in the order they came when that is by address (as the build
    /// writes the ledger): sorting 3,000 sorted addresses cost 5 M instructions.
    private init(file: String, unique entries: [Entry]) {
        self.file = file
        let sorted = zip(entries, entries.dropFirst()).allSatisfy { $0.address < $1.address }
        self.entries = sorted ? entries : entries.sorted { $0.address < $1.address }
    }

    /// Whether `text` is an address as the ledger and `redirects:` write them: relative to
    /// the site's root, at least one folder, ending in `/`, no `.` or `..` folder, and only
    /// the letters, digits and `- _ . ~` that need no escaping in a URL or in a web server's
    /// configuration (a page's slug is a–z, digits and hyphens).
    public static func isAddress(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isAddress(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func isAddress(bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.last == UInt8(ascii: "/"), bytes.first != UInt8(ascii: "/") else { return false }
        // Over the bytes: a byte beyond ASCII is refused like any other character not listed.
        let allowed = bytes.allSatisfy { byte in
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/")
        }
        guard allowed else { return false }
        let folders = bytes.dropLast().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return folders.allSatisfy { folder in
            !folder.isEmpty && !folder.elementsEqual([UInt8(ascii: ".")]) && !folder.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
        }
    }

    /// The entry of `address`, if the ledger lists it.
    public func entry(_ address: String) -> Entry? {
        entries.first { $0.address == address }
    }

    /// The ledger with the addresses it lacks of `published` (address, page id) added.
    public func adding(_ published: [(address: String, page: String)]) -> PublishedAddresses {
        let known = Set(entries.map(\.address))
        let new = published.filter { !known.contains($0.address) }.map { Entry(address: $0.address, page: $0.page) }
        return new.isEmpty ? self : PublishedAddresses(file: file, entries: entries + new)
    }

    /// The file's text: a comment that says what the file is, then the entries.
    public var text: String {
        var text = """
            # Every page address this site has published, one a line: the address (relative to
            # base_url), then the page that had it. helpsite build adds each new one; an address
            # that a build would no longer serve fails it, unless site.yaml says under
            # redirects: where it now goes. Remove a line only for an address never printed
            # anywhere. See docs/web-team.md#published-addresses-never-break.

            """
        for entry in entries { text += "\(entry.address) \(entry.page)\n" }
        return text
    }

    /// Writes the file when its text changed (a build that only confirms the ledger leaves
    /// it, and its time, alone). - Returns: whether it was written.
    @discardableResult
    public func write() throws(AtomicFile.Failure) -> Bool {
        let data = Data(text.utf8)
        if FileManager.default.contents(atPath: file) == data { return false }
        try AtomicFile.write(data, to: file)
        return true
    }
}
