import Foundation
import Testing
import HelpSiteModel
import HelpSiteMarkdown
import HelpSiteContent
import HelpSiteCheck
import HelpSiteRender
import HelpSitePublish
import HelpSiteLinks
import HelpSiteOnlineLinks
import HelpSiteTranslation
import HelpSitePipeline

/// A copy of a content folder in a temporary folder, exported to XLIFF and imported back
/// as `helpsite export-xliff` and `import-xliff` do.
package struct XLIFFProject {
    package let folder: TemporaryFolder
    package var content: String { folder.path + "/content" }

    /// The shipped site (nl, fr, en), or the small base fixture (nl, fr).
    package init(shipped: Bool = true) throws {
        folder = try TemporaryFolder()
        if shipped {
            try folder.overlay(URL(fileURLWithPath: Project.content), at: "content")
        } else {
            try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        }
    }

    package func site() throws -> Site {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        #expect(problems.isEmpty, "\(problems.all)")
        return try #require(site)
    }

    package func export(_ language: String) throws -> String {
        let (xliff, problems) = XLIFFExport.document(site: try site(), language: language, contentDirectory: content)
        #expect(problems.isEmpty, "\(problems.all)")
        return try #require(xliff)
    }

    /// Plans the import and, when it may go ahead, writes it; the problems as a translator reads them.
    @discardableResult
    package func importing(_ xliff: String, named name: String = "fr.xlf") throws -> (plan: XLIFFImport.Plan?, problems: [String]) {
        let (plan, problems) = XLIFFImport.plan(xliff: xliff, file: name, site: try site(), contentDirectory: content)
        if let plan { try XLIFFImport.write(plan) }
        let lines = problems.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        return (plan, lines.flatMap { $0.split(separator: "\n").map(String.init) })
    }

    /// Every file of the content folder, by path, as bytes.
    package func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: content))
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: content + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[item] = try Data(contentsOf: URL(fileURLWithPath: content + "/" + item)) }
        }
        return files
    }
}

/// The XLIFF a CAT tool gives back: `xliff` with the target of one unit replaced, as the tool would escape it.
package func translating(_ xliff: String, unit: String, to text: String) throws -> String {
    let start = try #require(xliff.range(of: "<unit id=\"\(unit)\">"), "no unit \(unit)")
    let open = try #require(xliff.range(of: "<target>", range: start.upperBound..<xliff.endIndex))
    let close = try #require(xliff.range(of: "</target>", range: open.upperBound..<xliff.endIndex))
    return xliff.replacingCharacters(in: open.upperBound..<close.lowerBound, with: XLIFFWriter.text(text))
}

/// The text of one element of one unit (`source` or `target`), XML references read.
package func unitText(_ xliff: String, unit: String, _ element: String = "target") throws -> String {
    let start = try #require(xliff.range(of: "<unit id=\"\(unit)\">"), "no unit \(unit)")
    let open = try #require(xliff.range(of: "<\(element)>", range: start.upperBound..<xliff.endIndex))
    let close = try #require(xliff.range(of: "</\(element)>", range: open.upperBound..<xliff.endIndex))
    return String(xliff[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
}
