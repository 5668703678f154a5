import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteRender

/// A template that cannot be compiled is refused with the place of the tag at fault.
@Suite("Template syntax errors")
struct TemplateSyntaxTests {
    func error(in template: String) -> String? {
        do {
            _ = try Template(parsing: template)
            return nil
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    @Test func aSectionNeverClosedIsNamedWhereItOpens() {
        #expect(error(in: "<ol>\n{{#steps}}\n  <li>{{title}}</li>\n</ol>\n") == "2:1: '{{#steps}}' is not closed: expected '{{/steps}}'")
        #expect(error(in: "<ul>{{#a}}{{^b}}x{{/b}}") == "1:5: '{{#a}}' is not closed: expected '{{/a}}'")
    }

    @Test func aSectionClosedByAnotherNameIsNamedWhereItCloses() {
        #expect(error(in: "<p>{{#steps}}{{title}}\n{{/stap}}</p>\n")
            == "2:1: '{{/stap}}' does not close '{{#steps}}' (line 1, column 4): close it first with '{{/steps}}'")
        #expect(error(in: "{{title}}\n  {{/steps}}\n") == "2:3: '{{/steps}}' closes no section: no '{{#steps}}' or '{{^steps}}' is open")
    }

    @Test func aTagNeverClosedIsNamedWhereItOpens() {
        #expect(error(in: "<h1>{{title</h1>\n") == "1:5: the tag '{{' is not closed: expected '}}'")
        #expect(error(in: "<h1>{{title</h1>\n<p>{{intro}}</p>\n") == "1:5: the tag '{{' is not closed before the next '{{': expected '}}'")
        #expect(error(in: "{{{introHTML}}\n") == "1:1: the tag '{{{' is closed by '}}': expected '}}}'")
        #expect(error(in: "x\n{{! a comment") == "2:1: the tag '{{!' is not closed: expected '}}'")
    }

    /// Columns count Unicode scalars, like every column HelpSite reports: `·` is one column, two bytes.
    @Test func columnsCountCharactersNotBytes() {
        #expect(error(in: "<title>{{title}} · {{#siteName}}</title>") == "1:20: '{{#siteName}}' is not closed: expected '{{/siteName}}'")
    }

    @Test func linesAreCountedThroughTagsThatSpanLines() {
        #expect(error(in: "{{!\n  a comment\n}}\n{{/x}}") == "4:1: '{{/x}}' closes no section: no '{{#x}}' or '{{^x}}' is open")
    }

    @Test func whatIsNotSupportedIsRefusedClearly() {
        #expect(error(in: "{{=<% %>=}}") == "1:1: set-delimiter tags ('{{=<% %>=}}') are not supported; write tags with '{{' and '}}'")
        #expect(error(in: "{{<layout}}{{/layout}}")?.contains("template inheritance") == true)
        #expect(error(in: "{{uppercased(title)}}")?.contains("transforms such as") == true)
        #expect(error(in: "{{site name}}") == "1:1: 'site name' is not a name: letters, digits, '_' and '-', with '.' between parts ('labels.hours'), or '.' alone")
        #expect(error(in: "{{labels..hours}}")?.contains("is not a name") == true)
        #expect(error(in: "{{# }}") == "1:1: the tag '{{#' names nothing: write a name before its end")
    }

    @Test func theShippedTemplatesCompile() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Project.templates) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: Project.templates + "/" + name, encoding: .utf8)
            #expect(error(in: text) == nil, "\(name)")
        }
    }

    @Test func aFileThatDoesNotParseIsADiagnosticWithItsPlace() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(URL(fileURLWithPath: Project.templates))
        try folder.write("<nav>\n{{#translations}}\n  <a href=\"{{href}}\">{{name}}</a>\n</nav>\n", to: "switcher.mustache")
        let messages = TemplateSet.load(directory: folder.path).diagnostics.map(\.description)
        #expect(messages == ["\(folder.path)/switcher.mustache:2:1: error: template does not parse: '{{#translations}}' is not closed: expected '{{/translations}}'"])
    }

    @Test func partialsThatIncludeEachOtherAreAnError() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(URL(fileURLWithPath: Project.templates))
        try folder.write("<div>\n{{#channels}}\n  {{> contact}}\n{{/channels}}\n</div>\n", to: "channel.mustache")
        try folder.write("<div class=\"contact\">\n{{> channel}}\n</div>\n", to: "contact.mustache")
        let messages = TemplateSet.load(directory: folder.path).diagnostics.map(\.description)
        #expect(messages == ["\(folder.path)/contact.mustache:2:1: error: the partials include each other without end: channel > contact > channel"])
    }
}
