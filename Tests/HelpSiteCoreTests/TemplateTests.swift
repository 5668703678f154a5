import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteContent
@testable import HelpSiteRender
import HelpSiteModel

@Suite("Templates")
struct TemplateTests {
    func templates(with page: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(URL(fileURLWithPath: Project.templates))
        try folder.write(page, to: "article.mustache")
        return folder
    }

    @Test func aNameNoPageHasIsAnErrorWithItsPlace() throws {
        let folder = try templates(with: "<h1>{{title}}</h1>\n<p>{{#sections}}{{titel}} {{labels.skip_lnk}}{{/sections}}</p>\n{{> footer}}\n")
        let messages = TemplateSet.load(directory: folder.path).diagnostics.map(\.description)
        #expect(messages == [
            "\(folder.path)/article.mustache:2:17: error: the template names 'titel', which the article layout never has; did you mean 'title'?",
            "\(folder.path)/article.mustache:2:27: error: the template names 'skip_lnk', which the article layout never has; did you mean 'skip_link'?",
            "\(folder.path)/article.mustache:3:1: error: the partial 'footer' does not exist: expected footer.mustache beside this template",
        ])
    }

    @Test func commentsSectionsAndTheCurrentItemAreFine() throws {
        let folder = try templates(with: "{{! a comment names {{nothing}} }}{{#sections}}{{#blocks}}{{{proseHTML}}}{{/blocks}}{{^list}}-{{/list}}{{/sections}}{{#labels}}{{.}}{{/labels}}\n")
        #expect(TemplateSet.load(directory: folder.path).diagnostics.isEmpty)
    }

    /// The list of known names must hold every value the views produce, or a correct template would be refused.
    @Test func everyValueTheViewsProduceIsKnown() throws {
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let content = try #require(site.reference)
        let view = PageView(site: site, content: content, page: content.pages[0], addresses: SiteAddresses(site: site),
                            labels: TemplateObject(content.strings.labels), group: site.settings.navigation.first)
        var names: Set<String> = []
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let object):
                for name in object.names {
                    names.insert(name)
                    object[name].map(collect)
                }
            case .list(let items): items.forEach(collect)
            case .text, .bool: break
            }
        }
        collect(.object(view.values()))
        let known = TemplateValues.known(by: Layout.procedure.rawValue)
        #expect(names.subtracting(known).isEmpty, "\(names.subtracting(known).sorted())")
    }
}
