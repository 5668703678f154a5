import HelpSiteModel

/// Phone numbers, e-mail addresses and web addresses written in prose are
/// the same in every language, part by part of the page (the introduction,
/// each step, the insurance section), however the sentences around them are worded.
struct ProseRule: PairRule {
    /// A part of a page and the facts written in it.
    struct Part: Sendable {
        let name: String
        let location: SourceLocation
        var facts: [Fact]
    }

    func check(_ pair: PagePair) -> [Diagnostic] {
        let matched = Matched(pair.referenceProse, pair.translationProse) { $0.name }
        return matched.pairs.flatMap { compare($0.reference, $0.translation, pair) }
    }

    /// What the prose of a page holds, part by part: its facts, and its numbers (`NumberRule`).
    struct PageProse: Sendable {
        var parts: [(name: String, location: SourceLocation, findings: [ProseFacts.Finding])] = []
        var numbers: [NumberPart] = []
    }

    /// Reads every text of a page once, for both.
    static func read(_ page: Page, _ reader: ProseFacts, numbers: NumberReader) -> PageProse {
        var prose = PageProse()
        for (name, fields) in texts(of: page) {
            var findings: [ProseFacts.Finding] = [], quantities: [Quantity] = []
            for (index, field) in fields.enumerated() {
                let (found, read) = switch field {
                case .markdown(let markdown): reader.read(markdown, numbers: numbers)
                case .plain(let text): reader.read(plainText: text, numbers: numbers)
                }
                findings += found
                quantities += read.map { var quantity = $0; quantity.field = index; return quantity }
            }
            let location = fields.first?.location ?? SourceLocation(file: page.file)
            prose.parts.append((name, location, findings))
            prose.numbers.append(NumberPart(name: name, fields: fields.isEmpty ? [location] : fields.map(\.location),
                                            quantities: quantities))
        }
        return prose
    }

    /// Prose facts that cannot be right in any language: a phone number with a digit too few,
    /// a link whose text names another site than the one it leads to.
    static func invalid(_ parts: [(name: String, location: SourceLocation, findings: [ProseFacts.Finding])]) -> [Diagnostic] {
        parts.flatMap(\.findings).compactMap { finding in
            switch finding {
            case .invalid(let written, let problem, let location):
                Diagnostic(.error, "'\(written)' in the text \(problem)", at: location, code: .factInvalid)
            case .misnamed(let text, let host, let destination, let location):
                Diagnostic(.error, "link text '\(text)' names \(host), but the link leads to \(destination.isEmpty ? "nowhere" : destination)",
                           at: location, code: .factLinkDomain)
            case .fact:
                nil
            }
        }
    }

    static func parts(_ parts: [(name: String, location: SourceLocation, findings: [ProseFacts.Finding])], of page: Page) -> [Part] {
        parts.map { part in
            Part(name: part.name, location: part.location, facts: part.findings.compactMap { finding -> Fact? in
                if case .fact(let fact) = finding { return fact }
                return nil
            })
        }
    }

    private func compare(_ expected: Part, _ actual: Part, _ pair: PagePair) -> [Diagnostic] {
        func key(_ fact: Fact) -> String {
            // A fact's value is in normal form already; a declared variant counts as its reference form.
            guard fact.kind == .url else { return "\(fact.kind.rawValue) \(fact.value)" }
            let variants = pair.urlVariants.toReference[pair.language]
            let value = variants?[fact.value] ?? variants?[Self.otherScheme(fact.value)] ?? fact.value
            // Text may name a site without its scheme (`www.fsma.be`), which is read as https, and
            // cmark-gfm links `www.` to http: in the text, http and https are one address.
            return "url " + (value.hasPrefix("http://") ? Self.otherScheme(value) : value)
        }
        var unmatched = actual.facts
        var missing: [Fact] = []
        for fact in expected.facts {
            if let index = unmatched.firstIndex(where: { key($0) == key(fact) }) { unmatched.remove(at: index) } else { missing.append(fact) }
        }
        var found: [Diagnostic] = []
        for kind in Fact.Kind.allCases {
            let gone = missing.filter { $0.kind == kind }, added = unmatched.filter { $0.kind == kind }
            if gone.count == 1, added.count == 1 {
                found.append(pair.differs(kind, shown(added[0]), at: added[0].location, from: shown(gone[0]), at: gone[0].location,
                                          hint: " in the text of \(expected.name)"))
                continue
            }
            found += gone.map { pair.missing("\(kind.name) \(shown($0)) in the text of \(expected.name)", at: actual.location, original: $0.location) }
            found += added.map { pair.extra("\(kind.name) \(shown($0)) in the text of \(expected.name)", at: $0.location) }
        }
        return found
    }

    /// `http://x/` ↔ `https://x/`.
    private static func otherScheme(_ url: String) -> String {
        if url.hasPrefix("http://") { return "https://" + url.dropFirst(7) }
        if url.hasPrefix("https://") { return "http://" + url.dropFirst(8) }
        return url
    }

    /// Phone numbers in their E.164 form; the rest as written.
    private func shown(_ fact: Fact) -> String {
        fact.kind == .phone ? fact.value : fact.written
    }

    enum Field {
        case markdown(Markdown)
        case plain(Located<String>)

        var location: SourceLocation {
            switch self {
            case .markdown(let markdown): markdown.location
            case .plain(let text): text.location
            }
        }
    }

    /// Every text of a page that a translator writes, by part: the page's own texts, then
    /// each section's (a shared contact's texts are its contacts.yaml's, compared there).
    static func texts(of page: Page) -> [(String, [Field])] {
        var parts: [(String, [Field])] = [("the introduction", [.plain(page.title), .plain(page.description)] + (page.intro.map { [.markdown($0)] } ?? []))]
        for section in page.sections {
            var fields: [Field] = [.plain(section.title)]
            for block in section.blocks {
                switch block {
                case .prose(let text), .note(let text): fields.append(.markdown(text))
                case .list(let list): fields += [.plain(list.title)] + list.items.map(Field.plain)
                case .contact(let contact):
                    fields += [.plain(contact.organisation)] + contact.departments.flatMap(\.texts).map(Field.plain)
                    for channel in contact.channels {
                        fields += [channel.label, channel.note].compactMap { $0 }.map(Field.plain)
                    }
                case .sharedContact: break
                }
            }
            parts.append(("'\(section.id.value)'", fields))
        }
        return parts
    }
}
