import HelpSiteModel

/// Items of two languages paired by their stable id.
struct Matched<Item: Sendable>: Sendable {
    var pairs: [(reference: Item, translation: Item)] = []
    var missing: [Item] = []
    var extra: [Item] = []

    init(_ reference: [Item], _ translation: [Item], id: (Item) -> String) {
        // Most translations list the same ids in the same order, each once: paired in place,
        // without hashing every id (what follows gives the same pairs for them).
        if reference.count == translation.count, reference.count <= 16 {
            let ids = reference.map(id)
            if ids.indices.allSatisfy({ ids[$0] == id(translation[$0]) }),
               ids.indices.allSatisfy({ index in !ids[..<index].contains(ids[index]) }) {
                pairs = Array(zip(reference, translation))
                return
            }
        }
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
