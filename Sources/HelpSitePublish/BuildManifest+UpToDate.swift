import Foundation
import HelpSiteModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BuildManifest {
    /// Whether the record in `data` is of `output`, made from exactly `inputs`, and every file it
    /// says the build wrote is still there: a build with nothing to do. Read from the record's
    /// `folder` and `inputs` lines (the inputs' digest) and the paths of its `output` lines,
    /// without making the manifest (a rebuild with nothing to do, 1,000 pages: 80 → 31 ms).
    static func isUpToDate(_ data: Data, output: String, inputs: [String: Stamp]) -> Bool {
        let folder = "folder\t" + RecordText.escape(absolute(output)), digest = "inputs\t\(inputs.count)\t\(Self.digest(of: inputs))"
        var seen = 0
        let whole = RecordText.forEachLine(of: data, header: header) { line in
            switch seen {
            case 0:
                seen += 1
                return line.elementsEqual(folder.utf8)
            case 1:
                seen += 1
                return line.elementsEqual(digest.utf8)
            default:
                guard line.starts(with: "output\t".utf8) else { return true }
                // The path is the last field.
                let tab = line.lastIndex(of: UInt8(ascii: "\t"))!
                let path = RecordText.unescape(Substring(String(decoding: UnsafeRawBufferPointer(rebasing: line[(tab + 1)...]), as: UTF8.self)))
                return access(Paths.join(output, path), F_OK) == 0
            }
        }
        return whole == true && seen == 2
    }

    /// One fingerprint of every input's path and stamp, whatever their order.
    static func digest(of inputs: [String: Stamp]) -> Fingerprint {
        var total: UInt64 = 0
        for (path, stamp) in inputs {
            var print = Fingerprint(path)
            print.add(Fingerprint(value: UInt64(bitPattern: Int64(stamp.size))))
            print.add(Fingerprint(value: stamp.modified.bitPattern))
            total &+= print.value
        }
        return Fingerprint(value: total)
    }
}
