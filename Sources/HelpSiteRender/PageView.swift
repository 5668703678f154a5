import HelpSiteModel
import HelpSiteMarkdown

/// Turns one page of the model into the values its template shows.
/// Plain values are escaped by the template; keys ending in `HTML` are
/// already HTML (rendered Markdown, or built here from escaped parts).
struct PageView {
    let site: Site
    let content: LanguageContent
    let page: Page
    let addresses: SiteAddresses
    /// The language's labels, typeset: made once per language and shared by its pages.
    let labels: TemplateObject
    /// Where the fields are that still show the reference language's text, when the
    /// preview marks them (`SiteRenderer.markUntranslated`); empty otherwise.
    var untranslated: Set<SourceLocation> = []
    /// The documents the check parsed for this page's group, if any.
    var parses: MarkdownParses?

    var strings: LanguageStrings { content.strings }

    /// Text as this language shows it (French spacing before `?` and `:`).
    func text(_ value: Located<String>) -> String {
        let text = strings.typography.apply(value.value)
        return untranslated.contains(value.location) ? UntranslatedMark.wrap(text) : text
    }

    /// Markdown as HTML, with headings placed under the page's own.
    func html(_ markdown: Markdown, headingLevel: Int) -> String {
        let html = CommonMark.render(strings.typography.apply(markdown.source), headingLevel: headingLevel, parses: parses).html
        guard untranslated.contains(markdown.location) else { return html }
        return UntranslatedMark.wrapHTML(html, reference: site.settings.referenceLanguage)
    }

    func values() -> TemplateObject {
        let here = addresses.path(language: content.language.code, pageID: page.id)
        let root = SiteAddresses.relativeRoot(from: here)
        var steps = page.steps.enumerated().map { index, step in
            section(step, heading: strings.label("step").filling(["n": "\(index + 1)"]))
        }
        if !steps.isEmpty {
            // The seed places what to include and the answer times inside the first step.
            steps[0]["checklist"] = page.checklist.map { .object(TemplateObject(["title": .text(text($0.title)), "items": texts($0.items)])) }
            steps[0]["commitmentsHTML"] = page.commitments.map { .text(html($0, headingLevel: 3)) }
        }
        let canonical = addresses.absolute(language: content.language.code, pageID: page.id)
        return TemplateObject([
            "lang": .text(content.language.code),
            "siteName": .text(site.settings.name.value),
            "title": .text(text(page.title)),
            "description": .text(text(page.description)),
            "canonical": .text(canonical),
            "alternates": .list(alternates()),
            "stylesheet": .text(root + "style.css"),
            "home": .text(root + "index.html"),
            "labels": .object(labels),
            "translations": .list(translations(from: here)),
            "introHTML": .text(html(page.intro, headingLevel: 2)),
            "steps": .list(steps.map(TemplateValue.object)),
            "insurance": page.insurance.map { .object(insurance($0)) },
            "structuredDataHTML": .text(StructuredData(site: site, page: page, strings: strings, canonical: canonical).json()),
        ])
    }

    private func texts(_ values: [Located<String>]) -> TemplateValue {
        .list(values.map { .text(text($0)) })
    }

    private func alternates() -> [TemplateValue] {
        var links = site.languages.map { other in
            TemplateValue.object(TemplateObject([
                "hreflang": .text(other.language.code),
                "href": .text(addresses.absolute(language: other.language.code, pageID: page.id)),
            ]))
        }
        links.append(.object(TemplateObject([
            "hreflang": .text("x-default"),
            "href": .text(addresses.absolute(language: site.settings.referenceLanguage, pageID: page.id)),
        ])))
        return links
    }

    private func translations(from here: String) -> [TemplateValue] {
        site.languages.map { other in
            let code = other.language.code
            return .object(TemplateObject([
                "lang": .text(code),
                "name": .text(other.language.name),
                "current": .bool(code == content.language.code),
                "href": .text(SiteAddresses.relative(from: here, to: addresses.path(language: code, pageID: page.id))),
            ]))
        }
    }

    private func section(_ section: Section, heading: String? = nil) -> TemplateObject {
        TemplateObject([
            "id": .text(section.id.value),
            "number": .text(heading ?? ""),
            "title": .text(text(section.title)),
            "bodyHTML": .text(section.body.map { html($0, headingLevel: 3) } ?? ""),
            "contacts": .list(section.contacts.map {
                .object(ContactView(block: $0, strings: strings, reference: site.settings.referenceLanguage, untranslated: untranslated).values())
            }),
        ])
    }

    private func insurance(_ insurance: InsuranceSection) -> TemplateObject {
        var values = section(insurance.section)
        values["products"] = .object(TemplateObject([
            "title": .text(text(insurance.products.title)),
            "items": texts(insurance.products.items),
            "note": insurance.products.note.map { .text(text($0)) },
        ]))
        return values
    }
}
