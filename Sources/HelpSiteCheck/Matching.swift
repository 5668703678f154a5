import HelpSiteModel

/// Items of two languages paired by their stable id.
struct Matched<Item: Sendable>: Sendable {
    var pairs: [(reference: Item, translation: Item)] = []
    var missing: [Item] = []
    var extra: [Item] = []

    init(_ reference: [Item], _ translation: [Item], id: (Item) -> String) {
        var byID: [String: Item] = [:]
        for item in translation where byID[id(item)] == nil { byID[id(item)] = item }
        let referenceIDs = Set(reference.map(id))
        for item in reference {
            if let other = byID[id(item)] { pairs.append((item, other)) } else { missing.append(item) }
        }
        extra = translation.filter { !referenceIDs.contains(id($0)) }
    }
}

extension Channel.Value {
    var kindName: String {
        switch self {
        case .phone: "a phone number"
        case .email: "an e-mail address"
        case .url: "a web address"
        case .portal: "a portal path"
        }
    }
}
