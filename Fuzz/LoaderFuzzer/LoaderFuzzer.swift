// libFuzzer target: arbitrary bytes as one content file of a real site, through the
// loader and the cross-language check. Built and run only by `.ci/fuzz`.
//
// The first byte chooses the file the rest replaces (see `targets`), so one corpus
// reaches site.yaml, the languages' words, the reference page and a translation.
// Any diagnostic is a fine answer; a crash, a hang or runaway memory is a finding.
import Foundation
import HelpSiteCore

/// The site the inputs are written into: a copy of the shipped content/, made once.
private let site: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpsite-fuzz-\(getpid())").path
    let source = ProcessInfo.processInfo.environment["HELPSITE_FUZZ_CONTENT"] ?? "content"
    try? FileManager.default.removeItem(atPath: folder)
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: folder + "/content")
    } catch {
        fatalError("cannot copy \(source) (set HELPSITE_FUZZ_CONTENT to the content folder): \(error)")
    }
    atexit { try? FileManager.default.removeItem(atPath: site) }
    return folder
}()

/// What the first byte of an input selects; `.ci/fuzz` writes its seeds the same way.
private let targets = ["fr/complaints.yaml", "nl/complaints.yaml", "site.yaml", "fr/language.yaml"]
/// The shipped bytes of each target, put back after every input.
private let originals: [Data] = targets.map { FileManager.default.contents(atPath: site + "/content/" + $0) ?? Data() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let index = Int(start[0]) % targets.count
    let file = site + "/content/" + targets[index]
    let original = originals[index] // read before the first input overwrites it
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes: start + 1, count: count - 1))
    defer { _ = FileManager.default.createFile(atPath: file, contents: original) }

    let (loaded, diagnostics) = SiteLoader.load(contentDirectory: site + "/content")
    if let loaded {
        _ = SiteChecker.check(loaded)
    } else if !diagnostics.hasErrors {
        fatalError("the loader gave no site and no error")
    }
    return 0
}
