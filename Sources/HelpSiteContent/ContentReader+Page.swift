import HelpSiteModel

extension ContentReader {
    /// `content/<lang>/<id>.yaml`: one page in one language.
    package mutating func page(_ root: YAMLNode, id: String, region: String) -> Page? {
        let keys = ["slug", "title", "description", "intro", "steps", "checklist", "commitments", "insurance"]
        guard let fields = fields(root, what: "the page", keys: keys) else { return nil }
        let slug = text(fields, "slug").flatMap { checkedSlug($0) }
        let title = text(fields, "title")
        let description = text(fields, "description")
        let intro = markdown(fields, "intro")
        let steps = list(fields, "steps").compactMap { section($0, what: "a step", region: region) }
        checkUniqueIDs(steps.map(\.id), what: "step")
        let checklist = fields["checklist"].flatMap { readChecklist($0) }
        let commitments = markdown(fields, "commitments", required: false)
        let insurance = fields["insurance"].flatMap { insuranceSection($0, region: region) }
        guard let slug, let title, let description, let intro else { return nil }
        return Page(id: id, file: file, slug: slug, title: title, description: description, intro: intro,
                    steps: steps, stepsLocation: fields["steps"].map(location) ?? fields.location, checklist: checklist, commitments: commitments, insurance: insurance)
    }

    private mutating func section(_ node: YAMLNode, what: String, region: String, extraKeys: [String] = []) -> Section? {
        guard let fields = fields(node, what: what, keys: ["id", "title", "body", "contacts"] + extraKeys) else { return nil }
        return section(fields, region: region)
    }

    private mutating func section(_ fields: Fields, region: String) -> Section? {
        let id = text(fields, "id").flatMap { checkedID($0) }
        let title = text(fields, "title")
        let body = markdown(fields, "body", required: false)
        let contacts = list(fields, "contacts", required: false).compactMap { contactBlock($0, region: region) }
        checkUniqueIDs(contacts.map(\.id), what: "contact block")
        guard let id, let title else { return nil }
        return Section(id: id, title: title, body: body, contacts: contacts)
    }

    private mutating func readChecklist(_ node: YAMLNode) -> Checklist? {
        guard let fields = fields(node, what: "the checklist", keys: ["title", "items"]) else { return nil }
        let title = text(fields, "title")
        let items = textList(fields, "items")
        guard let title else { return nil }
        return Checklist(title: title, items: items)
    }

    private mutating func insuranceSection(_ node: YAMLNode, region: String) -> InsuranceSection? {
        let keys = ["id", "title", "body", "contacts", "products"]
        guard let fields = fields(node, what: "the insurance section", keys: keys) else { return nil }
        let section = section(fields, region: region)
        var products: ProductList?
        if let productsNode = fields["products"] {
            if let productFields = self.fields(productsNode, what: "the product list", keys: ["title", "items", "note"]) {
                let title = text(productFields, "title")
                let items = textList(productFields, "items")
                let note = text(productFields, "note", required: false)
                products = title.map { ProductList(title: $0, items: items, note: note) }
            }
        } else {
            missing("products", in: fields)
        }
        guard let section, let products else { return nil }
        return InsuranceSection(section: section, products: products)
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
