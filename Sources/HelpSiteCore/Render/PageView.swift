/// Turns one page of the model into the values its template shows.
/// Plain values are escaped by the template; keys ending in `HTML` are
/// already HTML (rendered Markdown, or built here from escaped parts).
struct PageView {
    let site: Site
    let content: LanguageContent
    let page: Page
    let addresses: SiteAddresses
    /// The language's labels, typeset.
    let labels: [String: String]
    /// Where the fields are that still show the reference language's text, when the
    /// preview marks them (`SiteRenderer.markUntranslated`); empty otherwise.
    var untranslated: Set<SourceLocation> = []

    var strings: LanguageStrings { content.strings }

    /// Text as this language shows it (French spacing before `?` and `:`).
    func text(_ value: Located<String>) -> String {
        let text = strings.typography.apply(value.value)
        return untranslated.contains(value.location) ? UntranslatedMark.wrap(text) : text
    }

    /// Markdown as HTML, with headings placed under the page's own.
    func html(_ markdown: Markdown, headingLevel: Int) -> String {
        let html = CommonMark.render(strings.typography.apply(markdown.source), headingLevel: headingLevel).html
        guard untranslated.contains(markdown.location) else { return html }
        return UntranslatedMark.wrapHTML(html, reference: site.settings.referenceLanguage)
    }

    func values() -> [String: Any] {
        let here = addresses.path(language: content.language.code, pageID: page.id)
        let root = SiteAddresses.relativeRoot(from: here)
        var steps = page.steps.enumerated().map { index, step in
            section(step, heading: strings.label("step").filling(["n": "\(index + 1)"]))
        }
        if !steps.isEmpty {
            // The seed places what to include and the answer times inside the first step.
            steps[0]["checklist"] = page.checklist.map { ["title": text($0.title), "items": $0.items.map(text)] }
            steps[0]["commitmentsHTML"] = page.commitments.map { html($0, headingLevel: 3) }
        }
        return compact([
            "lang": content.language.code,
            "siteName": site.settings.name.value,
            "title": text(page.title),
            "description": text(page.description),
            "canonical": addresses.absolute(language: content.language.code, pageID: page.id),
            "alternates": alternates(),
            "stylesheet": root + "style.css",
            "home": root + "index.html",
            "labels": labels,
            "translations": translations(from: here),
            "introHTML": html(page.intro, headingLevel: 2),
            "steps": steps,
            "insurance": page.insurance.map(insurance),
            "structuredDataHTML": StructuredData(site: site, page: page, strings: strings, canonical: addresses.absolute(language: content.language.code, pageID: page.id)).json(),
        ])
    }

    private func alternates() -> [[String: String]] {
        var links = site.languages.map { other in
            ["hreflang": other.language.code, "href": addresses.absolute(language: other.language.code, pageID: page.id)]
        }
        links.append(["hreflang": "x-default", "href": addresses.absolute(language: site.settings.referenceLanguage, pageID: page.id)])
        return links
    }

    private func translations(from here: String) -> [[String: Any]] {
        site.languages.map { other in
            let code = other.language.code
            return [
                "lang": code,
                "name": other.language.name,
                "current": code == content.language.code,
                "href": SiteAddresses.relative(from: here, to: addresses.path(language: code, pageID: page.id)),
            ]
        }
    }

    private func section(_ section: Section, heading: String? = nil) -> [String: Any] {
        [
            "id": section.id.value,
            "number": heading ?? "",
            "title": text(section.title),
            "bodyHTML": section.body.map { html($0, headingLevel: 3) } ?? "",
            "contacts": section.contacts.map { ContactView(block: $0, strings: strings, reference: site.settings.referenceLanguage, untranslated: untranslated).values() },
        ]
    }

    private func insurance(_ insurance: InsuranceSection) -> [String: Any] {
        var values = section(insurance.section)
        values["products"] = compact([
            "title": text(insurance.products.title),
            "items": insurance.products.items.map(text),
            "note": insurance.products.note.map(text),
        ])
        return values
    }
}

/// Template values without the absent ones: Mustache would print `nil` for an
/// `Optional` stored in `Any`, where a missing key renders as nothing.
func compact(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}
