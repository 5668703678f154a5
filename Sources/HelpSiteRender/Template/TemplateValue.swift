/// A value a template shows: what the views (PageView, ContactView, …) hand to the
/// templates, typed, so that rendering looks a name up without casts.
enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether a section `{{#name}}` shows its contents: `false`, an empty list and
    /// empty text do not (the content reader refuses empty text, so no page has it).
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .bool(let bool): bool
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }
}

/// Named values in the order they were given. Lookups scan the keys: a view's object
/// has a handful of them, and comparing short keys beats hashing them (measured in
/// the README, "The template stage").
struct TemplateObject: Sendable {
    private var keys: [String]
    private var values: [TemplateValue]

    init() {
        keys = []
        values = []
    }

    /// The given values; the absent ones (`nil`) are left out, so that a template's
    /// `{{#note}}` finds nothing rather than an empty value.
    init(_ pairs: KeyValuePairs<String, TemplateValue?>) {
        keys = []
        values = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            if let value { self[key] = value }
        }
    }

    /// Labels and other plain tables, in key order.
    init(_ texts: [String: String]) {
        let sorted = texts.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map { .text($0.value) }
    }

    var names: [String] { keys }

    subscript(key: String) -> TemplateValue? {
        get {
            for index in keys.indices where keys[index] == key {
                return values[index]
            }
            return nil
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}
