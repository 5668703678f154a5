import HelpSiteModel
import HelpSiteContent

/// One text a translator translates, as it stands in one content file.
struct TextField {
    /// The same in every language, made of the keys and ids on the way to it: `step.first-contact.body`.
    var id: String
    /// As the site reads it: trimmed.
    var value: String
    /// Where the YAML scalar starts (its `|` for a block).
    var location: SourceLocation
    var isMarkdown: Bool
    /// What the text is, for the translator: `("step", "first-contact")`, `("field", "title")`.
    var context: [(category: String, text: String)]
}

/// The texts of a page or language file that are translated, found in its YAML
/// tree. Facts (addresses, phone numbers, e-mail and web addresses, hours), ids,
/// slugs and settings are not: they are data, the same in every language or kept
/// by the web team. A channel's fact is given as context to its label instead.
///
/// The file has been loaded by `SiteLoader` first, so its shape is known to be
/// right; this walk only skips what is absent.
struct TranslatableText {
    let file: String
    private(set) var fields: [TextField] = []
    private var context: [(category: String, text: String)] = []

    static func page(_ root: YAMLNode, file: String) -> [TextField] {
        var walk = TranslatableText(file: file)
        walk.text(root, "title", "title", what: "the page title")
        walk.text(root, "description", "description", what: "the page description, shown by search engines and on the home page")
        walk.text(root, "intro", "intro", what: "the introduction", markdown: true)
        for section in root["sections"]?.sequence ?? [] {
            guard let id = section["id"]?.scalar?.string else { continue }
            walk.within("section", id) { $0.section(section, prefix: "section.\(id)") }
        }
        return walk.fields
    }

    /// `contacts.yaml`: each shared contact's texts.
    static func contacts(_ root: YAMLNode, file: String) -> [TextField] {
        var walk = TranslatableText(file: file)
        for contact in root["contacts"]?.sequence ?? [] {
            guard let id = contact["id"]?.scalar?.string else { continue }
            walk.within("contact", id) { $0.contactBlock(contact, prefix: "contact.\(id)") }
        }
        return walk.fields
    }

    static func language(_ root: YAMLNode, file: String) -> [TextField] {
        var walk = TranslatableText(file: file)
        for (key, purpose) in LanguageStrings.labelKeys {
            let placeholders = key == "step" ? " Keep {n} as it is." : key == "portal_path" ? " Keep {path} as it is." : ""
            walk.text(root["labels"], key, "labels.\(key)", what: "interface text: \(purpose).\(placeholders)")
        }
        for day in Weekday.allCases {
            walk.text(root["days"], day.rawValue, "days.\(day.rawValue)", what: "the name of a day of the week")
        }
        walk.text(root["hours"], "time", "hours.time", what: "how a time is written: {H} the hour, {HH} the hour with a leading zero, {mm} the minutes. Keep the placeholders.")
        walk.text(root["hours"], "range", "hours.range", what: "how opening hours are written. Keep {opens} and {closes}.")
        walk.text(root["hours"], "and", "hours.and", what: "the word before the last day of a list of days")
        for (key, _) in root["navigation"]?.mapping ?? [] {
            guard let id = key.scalar?.string else { continue }
            walk.text(root["navigation"], id, "navigation.\(id)", what: "the title of a group of pages in the navigation and on the home page")
        }
        return walk.fields
    }

    /// A section's title and blocks; a block's id is its kind and its place among the
    /// section's blocks of that kind (`section.first-contact.list.1.title`), a contact's its id.
    private mutating func section(_ node: YAMLNode, prefix: String) {
        text(node, "title", "\(prefix).title", what: "the title")
        var seen: [String: Int] = [:]
        for block in node["blocks"]?.sequence ?? [] {
            guard let (kind, value) = block.mapping?.first.flatMap({ key, value in key.scalar.map { ($0.string, value) } }) else { continue }
            let position = (seen[kind] ?? 0) + 1
            seen[kind] = position
            let id = "\(prefix).\(kind).\(position)"
            switch kind {
            case "prose": add(value, id: id, what: "the text", markdown: true)
            case "note": add(value, id: id, what: "a highlighted text", markdown: true)
            case "list":
                within("list", "\(position)") {
                    $0.text(value, "title", "\(id).title", what: "the title of the list")
                    $0.items(value["items"], "\(id).item", what: "an item of the list")
                }
            case "contact":
                // `contact: <id>` names a shared contact, translated in contacts.yaml.
                guard let contactID = value["id"]?.scalar?.string else { continue }
                within("contact", contactID) { $0.contactBlock(value, prefix: "\(prefix).contact.\(contactID)") }
            default: continue
            }
        }
    }

    private mutating func contactBlock(_ node: YAMLNode, prefix: String) {
        text(node, "organisation", "\(prefix).organisation", what: "the name of the organisation")
        for (offset, department) in (node["departments"]?.sequence ?? []).enumerated() {
            let id = "\(prefix).department.\(offset + 1)"
            guard department.mapping != nil else {
                add(department, id: id, what: "a department under the organisation's name (item \(offset + 1))", markdown: false)
                continue
            }
            text(department, "name", id + ".name", what: "the name of a department")
            text(department, "attention", id + ".attention", what: "the words before a department on an envelope")
            text(department, "for", id + ".for", what: "the customers who write to this department")
        }
        for channel in node["channels"]?.sequence ?? [] {
            guard let id = channel["id"]?.scalar?.string else { continue }
            let fact = ["phone", "email", "url"].lazy.compactMap { kind in channel[kind]?.scalar.map { "\(kind) \($0.string)" } }.first
            within("channel", fact.map { "\(id): \($0) (not translated)" } ?? id) {
                $0.text(channel, "label", "\(prefix).channel.\(id).label", what: "the words that introduce the channel")
                $0.text(channel, "note", "\(prefix).channel.\(id).note", what: "a note under the channel")
                $0.items(channel["portal"], "\(prefix).channel.\(id).portal", what: "a tab to follow in the customer portal, as the portal names it")
            }
        }
    }

    private mutating func within(_ category: String, _ text: String, _ body: (inout TranslatableText) -> Void) {
        context.append((category, text))
        body(&self)
        context.removeLast()
    }

    private mutating func items(_ list: YAMLNode?, _ prefix: String, what: String) {
        for (offset, item) in (list?.sequence ?? []).enumerated() {
            add(item, id: "\(prefix).\(offset + 1)", what: "\(what) (item \(offset + 1))", markdown: false)
        }
    }

    private mutating func text(_ mapping: YAMLNode?, _ key: String, _ id: String, what: String, markdown: Bool = false) {
        guard let node = mapping?[key] else { return }
        add(node, id: id, what: what, markdown: markdown)
    }

    private mutating func add(_ node: YAMLNode, id: String, what: String, markdown: Bool) {
        guard let scalar = node.scalar else { return }
        let location = SourceLocation(file: file, line: node.start.line, column: node.start.column)
        fields.append(TextField(id: id, value: scalar.string.trimmed, location: location, isMarkdown: markdown,
                                context: context + [("field", what)]))
    }
}
