import Foundation
import HelpSiteModel

extension BuildManifest {
    /// nil for a record of another version, or one that does not read whole.
    ///
    /// By bytes, a line at a time (`RecordText.forEachLine`, `RecordText.Fields`): an array of
    /// Substring fields per line, then a String and an `Int(_:)` of each, was 11 % of a one-page
    /// rebuild of 1,000 pages (153 M instructions).
    init?(data: Data) {
        // Each dictionary made at its size at once: growing them was a fifth of reading the record.
        var counts = (inputs: 0, outputs: 0, pages: 0)
        guard RecordText.forEachLine(of: data, header: Self.header, { line in
            var fields = RecordText.Fields(line)
            switch fields.next().flatMap(Word.init) {
            case .input: counts.inputs += 1
            case .output: counts.outputs += 1
            case .page: counts.pages += 1
            case nil: return false
            default: break
            }
            return true
        }) == true else { return nil }
        var inputs: [String: Stamp] = [:], outputs: [String: OutputRecord] = [:], summaries: [String: PageSummary] = [:]
        inputs.reserveCapacity(counts.inputs)
        outputs.reserveCapacity(counts.outputs)
        summaries.reserveCapacity(counts.pages)
        var folder = "", kept = false, differing: [(String, OutputRecord)] = [], unretained: [String] = []
        func record(_ fields: inout RecordText.Fields) -> (String, OutputRecord)? {
            guard let fingerprint = fields.next(), let inode = fields.unsigned(), let size = fields.integer(),
                  let modified = fields.integer(), let path = fields.text(), fields.isAtEnd else { return nil }
            return (path, OutputRecord(fingerprint: String(decoding: fingerprint, as: UTF8.self),
                                       identity: FileIdentity(inode: inode, size: size, modified: modified)))
        }
        let whole = RecordText.forEachLine(of: data, header: Self.header) { line in
            var fields = RecordText.Fields(line)
            switch fields.next().flatMap(Word.init) {
            case .input:
                guard let size = fields.integer(), let bits = fields.unsigned(radix: 16), let path = fields.text(),
                      fields.isAtEnd else { return false }
                inputs[path] = Stamp(size: Int(size), modified: Double(bitPattern: bits))
            case .output:
                guard let (path, found) = record(&fields) else { return false }
                outputs[path] = found
            case .page:
                guard let summary = Self.summary(&fields) else { return false }
                summaries[summary.file] = summary
            case .retained:
                guard let found = record(&fields) else { return false }
                differing.append(found)
            case .unretained:
                guard let path = fields.text(), fields.isAtEnd else { return false }
                unretained.append(path)
            case .folder:
                guard let path = fields.text(), fields.isAtEnd else { return false }
                folder = path
            case .inputs:
                guard fields.next() != nil, fields.next() != nil, fields.isAtEnd else { return false }
            case .kept:
                kept = true
            case nil:
                return false
            }
            return true
        }
        guard whole == true, kept || (differing.isEmpty && unretained.isEmpty) else { return nil }
        var retained = kept ? outputs : nil
        for path in unretained { retained?[path] = nil }
        for (path, found) in differing { retained?[path] = found }
        self.init(inputs: inputs, outputs: outputs, retained: retained, summaries: summaries, folder: folder)
    }

    /// A `page` line's fields after its word.
    private static func summary(_ fields: inout RecordText.Fields) -> PageSummary? {
        guard let file = fields.text(), let id = fields.text(), let slug = fields.text(),
              let slugLine = fields.integer(), let slugColumn = fields.integer(),
              let title = fields.text(), let titleLine = fields.integer(), let titleColumn = fields.integer(),
              let fingerprint = fields.unsigned(radix: 16), let description = fields.text(),
              let date = fields.next(), let updatedLine = fields.integer(), let updatedColumn = fields.integer(),
              fields.isAtEnd else { return nil }
        var updated: CalendarDate?
        if !date.elementsEqual("-".utf8) {
            guard let found = CalendarDate(iso: String(decoding: date, as: UTF8.self)) else { return nil }
            updated = found
        }
        func at(_ line: Int64, _ column: Int64) -> SourceLocation {
            SourceLocation(file: file, line: Int(line), column: Int(column))
        }
        return PageSummary(id: id, file: file, slug: Located(slug, at: at(slugLine, slugColumn)),
                           title: Located(title, at: at(titleLine, titleColumn)), description: description,
                           fingerprint: Fingerprint(value: fingerprint),
                           updated: updated.map { Located($0, at: at(updatedLine, updatedColumn)) })
    }

    /// The first field of a line: what the line holds.
    enum Word {
        case input, output, page, retained, unretained, folder, inputs, kept

        init?(_ bytes: UnsafeRawBufferPointer) {
            func equals(_ word: StaticString) -> Bool {
                bytes.count == word.utf8CodeUnitCount && memcmp(bytes.baseAddress!, word.utf8Start, bytes.count) == 0
            }
            switch bytes.count {
            case 4: if equals("page") { self = .page } else if equals("kept") { self = .kept } else { return nil }
            case 5: if equals("input") { self = .input } else { return nil }
            case 6:
                if equals("output") { self = .output } else if equals("folder") { self = .folder }
                else if equals("inputs") { self = .inputs } else { return nil }
            case 8: if equals("retained") { self = .retained } else { return nil }
            case 10: if equals("unretained") { self = .unretained } else { return nil }
            default: return nil
            }
        }
    }
}
