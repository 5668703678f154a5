import HelpSiteModel

/// The same steps, contact blocks and channels (by id) in every language, in the same order.
struct StructureRule: PairRule {
    func check(_ pair: PagePair) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let steps = Matched(pair.reference.steps, pair.translation.steps) { $0.id.value }
        found += steps.missing.map {
            pair.missing("step '\($0.id.value)'", at: pair.translation.stepsLocation, original: $0.id.location, code: .structureMissing)
        }
        found += steps.extra.map { pair.extra("step '\($0.id.value)'", at: $0.id.location, code: .structureExtra) }
        let referenceOrder = steps.pairs.map(\.reference.id.value)
        let translationOrder = pair.translation.steps.map(\.id.value).filter(Set(referenceOrder).contains)
        if referenceOrder != translationOrder {
            found.append(Diagnostic(
                .error, "the steps of \(pair.language) are in another order than in \(pair.referenceLanguage): \(translationOrder.joined(separator: ", ")) instead of \(referenceOrder.joined(separator: ", "))",
                at: pair.translation.stepsLocation, code: .structureOrder, related: [pair.reference.stepsLocation]))
        }
        switch (pair.reference.insurance, pair.translation.insurance) {
        case (let original?, nil):
            found.append(pair.missing("section '\(original.section.id.value)'", at: SourceLocation(file: pair.translation.file),
                                      original: original.section.id.location, code: .structureMissing))
        case (nil, let added?):
            found.append(pair.extra("section '\(added.section.id.value)'", at: added.section.id.location, code: .structureExtra))
        default: break
        }
        for (original, translated) in pair.sections.pairs {
            found += blocks(original, translated, pair)
        }
        return found
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
