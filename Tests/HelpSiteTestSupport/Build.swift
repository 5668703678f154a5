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

/// The site as `helpsite build` makes it: `Pipeline.build()` into a temporary folder,
/// every file read back.
package enum TestBuild {
    package static func render(content: String = Project.content, templates: String = Project.templates,
                       markUntranslated: Bool = false, workers: Int? = nil) throws -> [OutputFile] {
        let folder = try TemporaryFolder()
        let output = folder.path + "/public"
        // The cache in the test's own folder: never the repository's, which other tests share.
        let pipeline = Pipeline(content: content, templates: templates, output: output, force: true, generator: nil,
                                markUntranslated: markUntranslated, workers: workers, cache: folder.path + "/.helpsite-cache")
        guard case .built = try pipeline.build() else {
            Issue.record("the build of \(content) failed: \(try pipeline.build())")
            return []
        }
        return FileWalk.entries(under: output).filter { $0.kind == S_IFREG }.map { entry in
            OutputFile(path: entry.relative, contents: FileManager.default.contents(atPath: output + "/" + entry.relative) ?? Data())
        }
    }

    package static func page(_ path: String, in files: [OutputFile]) throws -> String {
        let file = try #require(files.first { $0.path == path }, "no \(path) among \(files.map(\.path))")
        return String(decoding: file.contents, as: UTF8.self)
    }
}

/// What a reader sees of a page: the text without tags, entities decoded, spaces folded.
/// A `span` is inline and adds no space; any other tag counts as one.
package func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "</?span[^>]*>", with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The destinations of a page's links, as a browser would read the href attributes.
package func linkTargets(_ html: String) -> Set<String> {
    let regex = try! Regex(#"href="([^"]*)""#)
    return Set(html.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
        .map { $0.replacingOccurrences(of: "&amp;", with: "&") })
}
