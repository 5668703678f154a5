import Foundation

/// The text of HelpSite's records between runs, the build's (`BuildManifest`) and the
/// check's (`CheckRecord`): a header line naming the record and its version, one line per
/// entry of tab-separated fields, and an `end` line, so that a record cut short is never
/// read. Read and written by hand: tens of thousands of lines every build, which
/// JSONDecoder and JSONEncoder took most of a one-page rebuild to do
/// (docs/decisions/0005-hand-written-records.md).
///
/// Text fields escape `\`, tab, line feed and carriage return with a backslash.
package enum RecordText {
    /// Builds a record's text a line at a time.
    package struct Writer {
        package private(set) var text: String

        package init(header: String) {
            text = header + "\n"
        }

        /// Fields are written as given: escape text fields with `RecordText.escape`.
        package mutating func line(_ fields: [String]) {
            text += fields.joined(separator: "\t") + "\n"
        }

        package var finished: String { text + "end\n" }
    }

    /// Each line's fields between the header and the end line; nil for a record of another
    /// header (another version) or one that does not end.
    package static func lines(of data: Data, header: String) -> [[Substring]]? {
        let text = String(decoding: data, as: UTF8.self)
        var scanned = text
        // One pass over the bytes for the line feeds and tabs (never part of another character
        // in UTF-8), each field a Substring of `text` by its byte offsets: `split` on the UTF-8
        // view, twice, was a tenth of a one-page rebuild of 1,000 pages.
        let lines = scanned.withUTF8 { bytes -> [[Substring]] in
            let utf8 = text.utf8
            func field(_ start: Int, _ end: Int) -> Substring {
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            var lines: [[Substring]] = []
            var fields: [Substring] = []
            var start = 0
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\t"):
                    fields.append(field(start, index))
                    start = index + 1
                case UInt8(ascii: "\n"):
                    fields.append(field(start, index))
                    lines.append(fields)
                    fields.removeAll(keepingCapacity: true)
                    start = index + 1
                default:
                    continue
                }
            }
            // A last line without its line feed: the record was cut short.
            if start < bytes.count { lines.append([field(start, bytes.count)]) }
            return lines
        }
        guard lines.first == [Substring(header)], text.utf8.last == UInt8(ascii: "\n"), lines.count >= 2,
              lines[lines.count - 1] == ["end"] else { return nil }
        return Array(lines[1..<(lines.count - 1)])
    }

    /// Replaces the record at `path` whole: a temporary file of this writer's own (threads of
    /// one process included) renamed over it, so that a reader never sees half and the last of
    /// two writers wins. Not flushed: a lost record costs one full run.
    /// - Parameter onlyIfChanged: leave the file alone when it already holds `text`.
    package static func write(_ text: String, to path: String, onlyIfChanged: Bool = false) throws {
        let data = Data(text.utf8)
        if onlyIfChanged, FileManager.default.contents(atPath: path) == data { return }
        try write(data, to: path)
    }

    /// The same for a record of bytes of its own (the search records).
    package static func write(_ data: Data, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try SystemFile.write(data, to: temporary)
            guard rename(temporary, path) == 0 else { throw SystemFile.Failure.last }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    package static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
