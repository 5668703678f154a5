import Testing
import HelpSiteTestSupport
@testable import HelpSiteRender

/// The Mustache spec's interpolation, section and comment cases, on values shaped like a help page's.
@Suite("Mustache: values, sections and comments")
struct MustacheTests {
    let page = TemplateObject([
        "siteName": .text("Stellantis Financial Services Belux"),
        "title": .text("Klachtenprocedure"),
        "labels": .object(TemplateObject(["hours": "Telefonisch bereikbaar", "address": "Adres"])),
        "steps": .list([
            .object(TemplateObject(["title": .text("Eerste contact"), "number": .text("Stap 1")])),
            .object(TemplateObject(["title": .text("Tweede lijn"), "number": .text("Stap 2")])),
        ]),
        "items": .list([.text("uw klantnummer"), .text("een kopie van het contract")]),
        "none": .list([]),
        "hasChannels": .bool(true),
        "current": .bool(false),
        "note": .text("Gratis nummer"),
    ])

    @Test func aValueIsWrittenInPlace() throws {
        #expect(try render("<h1>{{title}}</h1> · {{ siteName }}", page) == "<h1>Klachtenprocedure</h1> · Stellantis Financial Services Belux")
    }

    @Test func aMissingValueIsNothing() throws {
        #expect(try render("[{{titel}}][{{{titel}}}][{{labels.nothing}}][{{nothing.at.all}}]", page) == "[][][][]")
    }

    @Test func valuesAreEscapedUnlessTripleOrAmpersand() throws {
        let values = TemplateObject(["name": .text(#"Ben & Jerry's <"shop">"#)])
        #expect(try render("{{name}}|{{{name}}}|{{& name}}|{{{ name }}}", values)
            == #"Ben &amp; Jerry&#39;s &lt;&quot;shop&quot;&gt;|Ben & Jerry's <"shop">|Ben & Jerry's <"shop">|Ben & Jerry's <"shop">"#)
    }

    /// swift-mustache compared Characters: `"` + U+0301 is one Character, which it left as it was,
    /// although the browser reads the `"` and ends the attribute. Bytes are escaped here.
    @Test func aSignWithACombiningMarkIsStillEscaped() throws {
        let values = TemplateObject(["label": .text("\"\u{301} onmouseover=x <\u{301}")])
        #expect(try render(#"<a title="{{label}}">"#, values) == "<a title=\"&quot;\u{301} onmouseover=x &lt;\u{301}\">")
    }

    @Test func dottedNamesReachIntoObjects() throws {
        #expect(try render("<ul aria-label=\"{{labels.hours}}\">", page) == "<ul aria-label=\"Telefonisch bereikbaar\">")
    }

    /// Only the first part is looked for outwards; the rest must be in what it found.
    @Test func aDottedNameDoesNotFallBackOutwards() throws {
        let values = TemplateObject([
            "contact": .object(TemplateObject(["labels": .object(TemplateObject(["phone": "Telefoon"]))])),
            "labels": .object(TemplateObject(["hours": "Telefonisch bereikbaar"])),
        ])
        #expect(try render("{{#contact}}[{{labels.phone}}][{{labels.hours}}]{{/contact}}", values) == "[Telefoon][]")
    }

    @Test func aListRepeatsItsSectionWithEachItemInnermost() throws {
        #expect(try render("{{#steps}}<h2>{{number}} {{title}}</h2>{{/steps}}", page)
            == "<h2>Stap 1 Eerste contact</h2><h2>Stap 2 Tweede lijn</h2>")
        #expect(try render("{{#items}}<li>{{.}}</li>{{/items}}", page) == "<li>uw klantnummer</li><li>een kopie van het contract</li>")
    }

    /// A name the item lacks is found in the sections around it, then in the page.
    @Test func namesAreLookedUpThroughTheContextStack() throws {
        #expect(try render("{{#steps}}{{title}} ({{siteName}}, {{labels.address}}) {{/steps}}", page)
            == "Eerste contact (Stellantis Financial Services Belux, Adres) Tweede lijn (Stellantis Financial Services Belux, Adres) ")
        let nested = TemplateObject(["a": .object(TemplateObject(["one": .text("1")])), "b": .object(TemplateObject(["two": .text("2")])),
                                     "c": .object(TemplateObject(["three": .text("3"), "one": .text("uno")]))])
        #expect(try render("{{#a}}{{one}}{{#b}}{{one}}{{two}}{{#c}}{{one}}{{two}}{{three}}{{/c}}{{/b}}{{/a}}", nested) == "112uno23")
    }

    @Test func falseMissingAndEmptyHideASectionAndShowItsInverse() throws {
        let template = "{{#current}}A{{/current}}{{#nothing}}B{{/nothing}}{{#none}}C{{/none}}"
            + "{{^current}}a{{/current}}{{^nothing}}b{{/nothing}}{{^none}}c{{/none}}{{^hasChannels}}d{{/hasChannels}}{{^items}}e{{/items}}"
        #expect(try render(template, page) == "abc")
        #expect(try render("{{#x}}shown{{/x}}{{^x}}hidden{{/x}}", TemplateObject(["x": .text("")])) == "hidden")
    }

    @Test func trueTextAndObjectsShowASectionOnce() throws {
        #expect(try render("{{#hasChannels}}<ul>{{title}}</ul>{{/hasChannels}}", page) == "<ul>Klachtenprocedure</ul>")
        #expect(try render("{{#note}}<span>{{.}}</span>{{/note}}", page) == "<span>Gratis nummer</span>")
        #expect(try render("{{#labels}}{{hours}}{{/labels}}", page) == "Telefonisch bereikbaar")
    }

    @Test func booleansReadAsWords() throws {
        #expect(try render("{{hasChannels}} {{current}}", page) == "true false")
    }

    @Test func commentsLeaveNothing() throws {
        #expect(try render("12345{{! Comment Block! }}67890", page) == "1234567890")
        #expect(try render("12345{{!\n  Over\n  three lines\n}}67890", page) == "1234567890")
        #expect(try render("  12 {{! 34 }}\n", page) == "  12 \n")
    }
}

/// Compiles `template` (and `partials`) and renders `values`, as TemplateSet does.
func render(_ template: String, _ values: TemplateObject, partials: [String: String] = [:]) throws -> String {
    var library: [String: Template] = [:]
    for (name, text) in partials { library[name] = try Template(parsing: text) }
    var renderer = TemplateRenderer(templates: library, capacity: 0)
    renderer.render(try Template(parsing: template), with: values)
    return String(decoding: renderer.output, as: UTF8.self)
}
