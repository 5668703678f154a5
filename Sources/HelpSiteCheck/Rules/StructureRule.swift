import HelpSiteModel

/// The same steps, contact blocks and channels (by id) in every language, in the same order.
struct StructureRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let (reference, translation) = (pair.reference, pair.translation)
        if reference.layout.value != translation.layout.value {
            found.append(Diagnostic(
                .error, "the layout of \(pair.language) is \(translation.layout.value.rawValue) but \(reference.layout.value.rawValue) in \(pair.referenceLanguage) (\(reference.layout.location)); a translation is laid out as its reference",
                at: translation.layout.location, code: .structureKind, related: [reference.layout.location]))
        }
        let noun = pair.sectionNoun
        let sections = pair.sections
        found += sections.missing.map {
            pair.missing("\(noun) '\($0.id.value)'", at: translation.sectionsLocation, original: $0.id.location, code: .structureMissing)
        }
        found += sections.extra.map { pair.extra("\(noun) '\($0.id.value)'", at: $0.id.location, code: .structureExtra) }
        let referenceOrder = sections.pairs.map(\.reference.id.value)
        let translationOrder = translation.sections.map(\.id.value).filter(Set(referenceOrder).contains)
        if referenceOrder != translationOrder {
            found.append(Diagnostic(
                .error, "the \(noun)s of \(pair.language) are in another order than in \(pair.referenceLanguage): \(translationOrder.joined(separator: ", ")) instead of \(referenceOrder.joined(separator: ", "))",
                at: translation.sectionsLocation, code: .structureOrder, related: [reference.sectionsLocation]))
        }
        for (original, translated) in sections.pairs {
            if original.numbered != translated.numbered {
                found.append(Diagnostic(
                    .error, "\(noun) '\(original.id.value)' is \(translated.numbered ? "" : "not ")numbered in \(pair.language) but \(original.numbered ? "" : "not ")numbered in \(pair.referenceLanguage) (\(original.id.location))",
                    at: translated.id.location, code: .structureKind, related: [original.id.location]))
            }
            found += kinds(original, translated, pair)
            found += blocks(original, translated, pair)
        }
        return found
    }

    /// The blocks of a section, kind by kind (and shared contact by id), in the same order.
    private func kinds(_ original: Section, _ translated: Section, _ pair: PagePair) -> [Diagnostic] {
        func names(_ section: Section) -> [String] {
            section.blocks.map { block in
                switch block {
                case .sharedContact(let shared): "contact \(shared.reference.value)"
                case .contact(let contact): "contact \(contact.id.value)"
                default: block.kind
                }
            }
        }
        let expected = names(original), actual = names(translated)
        guard expected != actual else { return [] }
        let lacking = expected.count > actual.count || Set(expected).subtracting(actual).count > 0
        let code: DiagnosticCode = expected.sorted() == actual.sorted() ? .structureOrder : lacking ? .structureMissing : .structureExtra
        let place = translated.blocks.first?.location ?? translated.id.location
        return [Diagnostic(
            .error, "the blocks of \(pair.sectionNoun) '\(original.id.value)' are \(actual.joined(separator: ", ")) in \(pair.language) but \(expected.joined(separator: ", ")) in \(pair.referenceLanguage) (\(original.id.location))",
            at: place, code: code, related: [original.id.location])]
    }

    private func blocks(_ original: Section, _ translated: Section, _ pair: PagePair) -> [Diagnostic] {
        let blocks = Matched(original.contacts, translated.contacts) { $0.id.value }
        var found = blocks.missing.map {
            pair.missing("contact block '\($0.id.value)'", at: translated.id.location, original: $0.id.location, code: .structureMissing)
        }
        found += blocks.extra.map { pair.extra("contact block '\($0.id.value)'", at: $0.id.location, code: .structureExtra) }
        for (block, other) in blocks.pairs {
            let channels = Matched(block.channels, other.channels) { $0.id.value }
            found += channels.missing.map {
                pair.missing("channel '\($0.id.value)' of '\(block.id.value)'", at: other.id.location, original: $0.id.location,
                             code: .structureMissing)
            }
            found += channels.extra.map { pair.extra("channel '\($0.id.value)' of '\(block.id.value)'", at: $0.id.location, code: .structureExtra) }
            for (channel, translatedChannel) in channels.pairs where !sameKind(channel.value.value, translatedChannel.value.value) {
                found.append(Diagnostic(
                    .error, "channel '\(channel.id.value)' is \(translatedChannel.value.value.kindName) in \(pair.language) but \(channel.value.value.kindName) in \(pair.referenceLanguage) (\(channel.value.location))",
                    at: translatedChannel.value.location, code: .structureKind, related: [channel.value.location]))
            }
            if Set(block.languages.map(\.value)) != Set(other.languages.map(\.value)) {
                let list = { (codes: [Located<String>]) in "[" + codes.map(\.value).joined(separator: ", ") + "]" }
                found.append(Diagnostic(
                    .error, "the languages of '\(block.id.value)' are \(list(other.languages)) in \(pair.language) but \(list(block.languages)) in \(pair.referenceLanguage) (\(block.id.location))",
                    at: other.languages.first?.location ?? other.id.location, code: .factDiffers, related: [block.id.location]))
            }
            if let address = block.address, other.address == nil {
                found.append(pair.missing("the address of '\(block.id.value)'", at: other.id.location, original: address.location,
                                          code: .structureMissing))
            } else if block.address == nil, let address = other.address {
                found.append(pair.extra("an address for '\(block.id.value)'", at: address.location, code: .structureExtra))
            }
        }
        return found
    }

    private func sameKind(_ a: Channel.Value, _ b: Channel.Value) -> Bool {
        switch (a, b) {
        case (.phone, .phone), (.email, .email), (.url, .url), (.portal, .portal): true
        default: false
        }
    }
}
