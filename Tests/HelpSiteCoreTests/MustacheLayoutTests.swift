import Testing
import HelpSiteTestSupport
@testable import HelpSiteRender

/// The Mustache spec's standalone lines and partial indentation, which decide the pages' white space.
@Suite("Mustache: standalone lines and partials")
struct MustacheLayoutTests {
    let yes = TemplateObject(["boolean": .bool(true), "title": .text("Plaintes")])

    @Test func aSectionTagAloneOnItsLineLeavesNoLine() throws {
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line", yes) == "| This Is\n|\n| A Line")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line", yes) == "| This Is\n|\n| A Line")
        #expect(try render("| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line", yes) == "| This Is\n| A Line")
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n", yes) == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{!\n  Something's going on here\n  }}  \nEnd.\n", yes) == "Begin.\nEnd.\n")
    }

    @Test func standaloneLinesEndWithCRLFTooAndAtEitherEndOfTheFile() throws {
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", yes) == "|\r\n|")
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", yes) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", yes) == "#\n/\n")
    }

    @Test func aTagWithTextOrAnotherTagOnItsLineIsNotStandalone() throws {
        #expect(try render(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", yes) == " YES\n GOOD\n")
        #expect(try render("{{#boolean}}{{/boolean}}\n{{title}}\n", yes) == "\nPlaintes\n")
        #expect(try render("  {{title}}\n", yes) == "  Plaintes\n")
    }

    @Test func aPartialRendersWithTheValuesWhereItIsIncluded() throws {
        let values = TemplateObject(["contacts": .list([.object(TemplateObject(["organisation": .text("Ombudsfin")]))])])
        #expect(try render("{{#contacts}}<div>{{> contact}}</div>{{/contacts}}", values, partials: ["contact": "<h3>{{organisation}}</h3>"])
            == "<div><h3>Ombudsfin</h3></div>")
    }

    /// The white space before a standalone partial indents each of its lines, but not the lines
    /// of a value written into it.
    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        let values = TemplateObject(["content": .text("<\n->")])
        #expect(try render("\\\n {{>partial}}\n/\n", values, partials: ["partial": "|\n{{{content}}}\n|\n"]) == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("  {{> nav}}\n</header>", yes, partials: ["nav": "<nav>\n{{#boolean}}\n  <ul>\n{{/boolean}}\n</nav>\n"])
            == "  <nav>\n    <ul>\n  </nav>\n</header>")
    }

    @Test func indentationAddsUpThroughNestedPartialsAndSkipsEmptyLines() throws {
        let partials = ["outer": "<header>\n  {{> inner}}\n\n</header>\n", "inner": "<nav>\n  {{title}}\n</nav>\n"]
        #expect(try render("<body>\n  {{> outer}}\n</body>\n", yes, partials: partials)
            == "<body>\n  <header>\n    <nav>\n      Plaintes\n    </nav>\n\n  </header>\n</body>\n")
    }

    @Test func aPartialInsideALineIsNotIndented() throws {
        #expect(try render("  {{title}}  {{> partial}}\n", yes, partials: ["partial": ">\n>"]) == "  Plaintes  >\n>\n")
    }

    @Test func aStandalonePartialAtEitherEndOfTheFile() throws {
        #expect(try render("  {{>partial}}\n>", yes, partials: ["partial": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>partial}}", yes, partials: ["partial": ">\n>"]) == ">\n  >\n  >")
    }

    @Test func aPartialThatDoesNotExistRendersNothing() throws {
        #expect(try render("[{{> footer}}]", yes) == "[]")
    }
}
