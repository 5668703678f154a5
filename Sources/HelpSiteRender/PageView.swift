import Foundation
import HelpSiteModel
import HelpSiteMarkdown

/// Turns one page of the model into the values its layout's template shows.
/// Plain values are escaped by the template; keys ending in `HTML` are
/// already HTML (rendered Markdown, or built here from escaped parts).
struct PageView {
    let site: Site
    let content: LanguageContent
    let page: Page
    let addresses: SiteAddresses
    /// The language's labels, typeset: made once per language and shared by its pages.
    let labels: TemplateObject
    /// The page's navigation group, if it is in one.
    let group: NavigationGroup?
    /// Where the fields are that still show the reference language's text, when the
    /// preview marks them (`SiteRenderer.markUntranslated`); empty otherwise.
    var untranslated: Set<SourceLocation> = []
    /// The documents the check parsed for this page's group, if any.
    var parses: MarkdownParses?
    /// The page's navigation group as its pages list it, if made already for the group.
    var menu: PageNavigation.Menu?
    /// The values of the language's shared contacts (contacts.yaml) by id, made once for the
    /// pages that show them rather than for each.
    var sharedContacts: [String: TemplateObject] = [:]

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
        let code = content.language.code
        let here = addresses.path(language: code, pageID: page.id)
        let root = SiteAddresses.relativeRoot(from: here)
        let canonical = addresses.absolute(language: code, pageID: page.id)
        let navigation = PageNavigation(content: content, page: page, navigationGroup: group, addresses: addresses, from: here)
        // Each prose and note block as HTML, once: the page shows it, and a FAQ's JSON-LD
        // repeats it (rendered twice, it was parsed twice).
        let blocksHTML = page.sections.map { section in
            section.blocks.map { block -> String? in
                switch block {
                case .prose(let text), .note(let text): html(text, headingLevel: 3)
                case .list, .contact, .sharedContact: nil
                }
            }
        }
        var step = 0
        let sections = zip(page.sections, blocksHTML).map { section, html -> TemplateValue in
            var number: String?
            if page.layout.value == .procedure, section.numbered {
                step += 1
                number = strings.label("step").filling(["n": "\(step)"])
            }
            return .object(self.section(section, number: number, html: html))
        }
        return TemplateObject([
            "lang": .text(code),
            "layout": .text(page.layout.value.rawValue),
            "siteName": .text(site.settings.name.value),
            "title": .text(text(page.title)),
            "description": .text(text(page.description)),
            "canonical": .text(canonical),
            "alternates": .list(alternates()),
            "stylesheet": .text(root + "style.css"),
            "favicon": .text(root + "favicon.svg"),
            "home": .text(root + SiteAddresses.home(language: code)),
            "searchScript": .text(root + SiteAddresses.searchScript),
            "labels": .object(labels),
            "translations": .list(translations(from: here)),
            "introHTML": page.intro.map { .text(html($0, headingLevel: 2)) },
            "sections": .list(sections),
            "breadcrumbs": .object(navigation.breadcrumbs()),
            "group": navigation.group(menu).map(TemplateValue.object),
            "updatedHTML": updatedHTML().map(TemplateValue.text),
            "structuredDataHTML": .text(StructuredData(site: site, page: page, strings: strings, canonical: canonical, language: code,
                                                       breadcrumbs: navigation.trail(), answers: answers(blocksHTML, canonical: canonical),
                                                       updated: updated?.value).json()),
        ])
    }

    /// The date of last update, the reference language's file's: every language shows it.
    var updated: Located<CalendarDate>? {
        site.reference?.page(id: page.id)?.updated ?? page.updated
    }

    /// `Laatst bijgewerkt op <time datetime="2026-01-03">3 januari 2026</time>`; nil for a page
    /// without a date, or a language that does not say how it writes one (the check reports it).
    private func updatedHTML() -> String? {
        guard let date = updated?.value, let dates = strings.dates else { return nil }
        let time = "<time datetime=\"\(date)\">" + HTML.escape(dates.write(date)) + "</time>"
        return HTML.fill(strings.typography.apply(dates.updated), ["date": time])
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

    /// - Parameter html: each block's HTML, for its prose and notes.
    private func section(_ section: Section, number: String?, html: [String?]) -> TemplateObject {
        var blocks = Array(zip(section.blocks, html))
        if page.layout.value == .contact {
            // A contact page shows how to reach each organisation before what it says about it.
            blocks = blocks.filter { $0.0.kind == "contact" } + blocks.filter { $0.0.kind != "contact" }
        }
        return TemplateObject([
            "id": .text(section.id.value),
            "number": number.map(TemplateValue.text),
            "title": .text(text(section.title)),
            "blocks": .list(blocks.map { .object(block($0.0, html: $0.1)) }),
        ])
    }

    private func block(_ block: Block, html: String?) -> TemplateObject {
        switch block {
        case .prose: TemplateObject(["proseHTML": .text(html ?? "")])
        case .note: TemplateObject(["noteHTML": .text(html ?? "")])
        case .list(let list):
            TemplateObject(["list": .object(TemplateObject(["title": .text(text(list.title)), "items": .list(list.items.map { .text(text($0)) })]))])
        case .contact(let contact): TemplateObject(["contact": .object(contactValues(contact))])
        case .sharedContact(let shared):
            TemplateObject(["contact": .object(sharedContacts[shared.block.id.value] ?? contactValues(shared.block))])
        }
    }

    /// A FAQ's answers for its JSON-LD: each section's text as HTML (`blocksHTML`, as the page
    /// shows it), its links made absolute (the answer is read away from the page).
    private func answers(_ blocksHTML: [[String?]], canonical: String) -> [String] {
        guard page.layout.value == .faq else { return [] }
        let base = AbsoluteLinks.Base(canonical)
        return zip(page.sections, blocksHTML).map { section, html in
            zip(section.blocks, html).map { block, html -> String in
                switch block {
                case .prose, .note: html ?? ""
                case .list(let list):
                    "<p>" + HTML.escape(strings.typography.apply(list.title.value)) + "</p><ul>"
                        + list.items.map { "<li>" + HTML.escape(strings.typography.apply($0.value)) + "</li>" }.joined() + "</ul>"
                case .contact(let contact): "<p>" + HTML.escape(contact.organisation.value) + "</p>"
                case .sharedContact(let shared): "<p>" + HTML.escape(shared.block.organisation.value) + "</p>"
                }
            }.joined()
        }.map { AbsoluteLinks.make(in: $0, against: base) }
    }

    private func contactValues(_ contact: ContactBlock) -> TemplateObject {
        ContactView(block: contact, strings: strings, reference: site.settings.referenceLanguage, untranslated: untranslated).values()
    }
}
