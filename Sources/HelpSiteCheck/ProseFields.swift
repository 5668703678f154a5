import HelpSiteModel

/// Every text of a page that a translator writes, field by field, each with a key that is
/// the same in every language (`commitments`, `steps.mediation.body`) and the part of the
/// page it belongs to (the introduction, or a step or section by its id).
struct ProseField: Sendable {
    enum Text: Sendable {
        case markdown(Markdown)
        case plain(Located<String>)

        var location: SourceLocation {
            switch self {
            case .markdown(let markdown): markdown.location
            case .plain(let text): text.location
            }
        }
    }

    /// How messages name the part: `the introduction`, `'mediation'`.
    let part: String
    let key: String
    /// How messages name the field: `the commitments`, `the text of 'mediation'`.
    let name: String
    let text: Text

    static func fields(of page: Page) -> [ProseField] {
        var fields: [ProseField] = []
        func add(_ part: String, _ key: String, _ name: String, _ text: Text?) {
            if let text { fields.append(ProseField(part: part, key: key, name: name, text: text)) }
        }
        let introduction = "the introduction"
        add(introduction, "title", "the title", .plain(page.title))
        add(introduction, "description", "the description", .plain(page.description))
        add(introduction, "intro", "the introduction", .markdown(page.intro))
        if let checklist = page.checklist {
            add(introduction, "checklist.title", "the checklist's title", .plain(checklist.title))
            for (index, item) in checklist.items.enumerated() {
                add(introduction, "checklist.items.\(index + 1)", "checklist item \(index + 1)", .plain(item))
            }
        }
        add(introduction, "commitments", "the commitments", page.commitments.map(Text.markdown))
        for section in page.sections {
            let id = section.id.value
            let isInsurance = page.insurance?.section.id == section.id
            let part = "'\(id)'", prefix = isInsurance ? "insurance" : "steps.\(id)"
            add(part, prefix + ".title", "the title of '\(id)'", .plain(section.title))
            add(part, prefix + ".body", "the text of '\(id)'", section.body.map(Text.markdown))
            for block in section.contacts {
                let blockKey = "\(prefix).contacts.\(block.id.value)", blockName = "'\(block.id.value)'"
                add(part, blockKey + ".organisation", "the organisation of \(blockName)", .plain(block.organisation))
                for (index, department) in block.departments.enumerated() {
                    add(part, "\(blockKey).departments.\(index + 1)", "department \(index + 1) of \(blockName)", .plain(department))
                }
                for channel in block.channels {
                    let channelKey = "\(blockKey).channels.\(channel.id.value)"
                    let channelName = "channel '\(channel.id.value)' of \(blockName)"
                    add(part, channelKey + ".label", "the label of \(channelName)", channel.label.map(Text.plain))
                    add(part, channelKey + ".note", "the note of \(channelName)", channel.note.map(Text.plain))
                }
            }
            if isInsurance, let products = page.insurance?.products {
                add(part, "insurance.products.title", "the products' title", .plain(products.title))
                for (index, item) in products.items.enumerated() {
                    add(part, "insurance.products.items.\(index + 1)", "product \(index + 1)", .plain(item))
                }
                add(part, "insurance.products.note", "the products' note", products.note.map(Text.plain))
            }
        }
        return fields
    }
}
