import Foundation
import Testing
@testable import HelpSiteCore

/// The three stages as `helpsite build` composes them.
enum TestBuild {
    static func render(content: String = Paths.content, templates: String = Paths.templates) throws -> [OutputFile] {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        let (set, templateProblems) = TemplateSet.load(directory: templates)
        #expect(problems.isEmpty, "\(problems)")
        #expect(templateProblems.isEmpty, "\(templateProblems)")
        return SiteRenderer(templates: try #require(set)).render(try #require(site))
    }

    static func page(_ path: String, in files: [OutputFile]) throws -> String {
        let file = try #require(files.first { $0.path == path }, "no \(path) among \(files.map(\.path))")
        return String(decoding: file.contents, as: UTF8.self)
    }
}

/// What a reader sees of a page: the text without tags, entities decoded, spaces folded.
func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The destinations of a page's links, as a browser would read the href attributes.
func linkTargets(_ html: String) -> Set<String> {
    let regex = try! Regex(#"href="([^"]*)""#)
    return Set(html.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
        .map { $0.replacingOccurrences(of: "&amp;", with: "&") })
}
