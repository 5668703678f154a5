import HelpSiteModel

extension ContentReader {
    /// `content/<lang>/<id>.yaml`: one page in one language.
    /// - Parameter contacts: the language's `contacts.yaml`, which `contact: <id>` blocks name.
    package mutating func page(_ root: YAMLNode, id: String, region: String, contacts: SharedContacts?) -> Page? {
        let keys = ["layout", "slug", "title", "description", "updated", "rules", "intro", "sections"]
        guard let fields = fields(root, what: "the page", keys: keys) else { return nil }
        let layout = text(fields, "layout").flatMap { checkedName($0, as: Layout.self, what: "layout") }
        let slug = text(fields, "slug").flatMap { checkedSlug($0) }
        let title = text(fields, "title")
        let description = text(fields, "description")
        let intro = markdown(fields, "intro", required: false)
        let sections = list(fields, "sections").compactMap { section($0, region: region, contacts: contacts) }
        checkUniqueIDs(sections.map(\.id), what: "section")
        // A contact is an anchor (`#contact-<id>`) and a node of the page's JSON-LD: once a page.
        checkUniqueIDs(sections.flatMap { section in
            section.blocks.compactMap { block -> Located<String>? in
                switch block {
                case .contact(let contact): contact.id
                case .sharedContact(let shared): shared.reference
                default: nil
                }
            }
        }, what: "contact")
        let updated = text(fields, "updated", required: false).flatMap { checkedDate($0) }
        let rules = oneOrMore(fields, "rules").compactMap { checkedName($0, as: PageRule.self, what: "rule") }
        guard let layout, let slug, let title, let description else { return nil }
        var page = Page(id: id, file: file, slug: slug, title: title, description: description, layout: layout, intro: intro,
                        sections: sections, sectionsLocation: fields["sections"].map(location) ?? fields.location)
        page.updated = updated
        page.rules = rules
        return page
    }

    /// `content/<lang>/contacts.yaml`: the contacts several pages show.
    package mutating func sharedContacts(_ root: YAMLNode, region: String) -> SharedContacts? {
        guard let fields = fields(root, what: "the shared contacts", keys: ["contacts"]) else { return nil }
        let contacts = list(fields, "contacts").compactMap { contactBlock($0, region: region) }
        checkUniqueIDs(contacts.map(\.id), what: "contact")
        return SharedContacts(file: file, contacts: contacts)
    }

    private mutating func section(_ node: YAMLNode, region: String, contacts: SharedContacts?) -> Section? {
        guard let fields = fields(node, what: "a section", keys: ["id", "title", "numbered", "role", "blocks"]) else { return nil }
        let id = text(fields, "id").flatMap { checkedID($0) }
        let title = text(fields, "title")
        let numbered = fields["numbered"] == nil ? true : flag(fields, "numbered")
        let blocks = list(fields, "blocks").compactMap { block($0, region: region, contacts: contacts) }
        let roles = oneOrMore(fields, "role").compactMap { checkedName($0, as: SectionRole.self, what: "role") }
        guard let id, let title else { return nil }
        return Section(id: id, title: title, numbered: numbered, blocks: blocks, roles: roles)
    }

    /// One block: a mapping of one key, its kind (`prose`, `note`, `list`, `contact`).
    private mutating func block(_ node: YAMLNode, region: String, contacts: SharedContacts?) -> Block? {
        guard let fields = fields(node, what: "a block", keys: Self.blockKinds) else { return nil }
        guard fields.entries.count == 1, let (kind, value) = fields.entries.first else {
            // A mistyped kind was reported as an unknown key already.
            if fields.entries.isEmpty, node.mapping?.isEmpty == false { return nil }
            diagnostics.error(fields.entries.isEmpty
                                ? "a block needs one of \(Self.blockKinds.joined(separator: ", ")), such as `- prose: |`"
                                : "a block has one kind, found \(fields.entries.map(\.key).joined(separator: " and ")): start a new `-` item for each",
                              at: fields.location)
            return nil
        }
        switch kind {
        case "prose": return markdown(fields, "prose").map(Block.prose)
        case "note": return markdown(fields, "note").map(Block.note)
        case "list": return itemList(value).map(Block.list)
        default:
            guard value.scalar != nil else { return contactBlock(value, region: region).map(Block.contact) }
            return sharedContact(value, contacts)
        }
    }

    static let blockKinds = ["prose", "note", "list", "contact"]

    private mutating func itemList(_ node: YAMLNode) -> ItemList? {
        guard let fields = fields(node, what: "a list", keys: ["title", "items"]) else { return nil }
        let title = text(fields, "title")
        let items = textList(fields, "items")
        guard let title else { return nil }
        return ItemList(title: title, items: items, location: fields.location)
    }

    /// `contact: sfs`: the contact `sfs` of the language's contacts.yaml.
    private mutating func sharedContact(_ node: YAMLNode, _ contacts: SharedContacts?) -> Block? {
        guard let name = text(node, named: "'contact'") else { return nil }
        guard let contacts else {
            diagnostics.error("contact '\(name.value)' names a shared contact, but this language has no \(LanguageFolder.contactsFile); write the contact here or add the file",
                              at: name.location)
            return nil
        }
        guard let block = contacts.contact(id: name.value) else {
            let ids = contacts.contacts.map(\.id.value)
            let hint = suggestion(for: name.value, among: ids).map { "; did you mean '\($0)'?" }
                ?? " (\(contacts.file) has \(ids.isEmpty ? "none" : ids.joined(separator: ", ")))"
            diagnostics.error("unknown shared contact '\(name.value)'\(hint)", at: name.location,
                              notes: [.init("the shared contacts are written here", at: SourceLocation(file: contacts.file))])
            return nil
        }
        return .sharedContact(SharedContact(reference: name, block: block))
    }

    /// Ids become HTML anchors and are compared across languages: keep them plain.
    mutating func checkedID(_ id: Located<String>) -> Located<String>? {
        guard isPlainName(id.value) else {
            diagnostics.error("id '\(id.value)' must be lowercase letters, digits and hyphens, such as first-contact",
                              at: id.location)
            return nil
        }
        return id
    }

    private mutating func checkedSlug(_ slug: Located<String>) -> Located<String>? {
        guard isPlainName(slug.value) else {
            diagnostics.error(
                "slug '\(slug.value)' must be lowercase letters a–z, digits and hyphens (it becomes the page's address), such as klachten",
                at: slug.location)
            return nil
        }
        return slug
    }

    mutating func checkUniqueIDs(_ ids: [Located<String>], what: String) {
        var seen: [String: SourceLocation] = [:]
        for id in ids {
            if let first = seen[id.value] {
                diagnostics.error("\(what) id '\(id.value)' is used twice", at: id.location,
                                  notes: [.init("first used here", at: first)])
            } else {
                seen[id.value] = id.location
            }
        }
    }
}

/// `first-contact`, `klachten`: safe in a URL and an HTML id, the same on every system.
func isPlainName(_ name: String) -> Bool {
    // Bytes, not Characters: Character's isLowercase looks up Unicode properties, and
    // every id and slug of a site goes through here.
    var previous: UInt8 = UInt8(ascii: "-")
    for byte in name.utf8 {
        let letterOrDigit = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        guard letterOrDigit || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
        previous = byte
    }
    return previous != UInt8(ascii: "-")
}
