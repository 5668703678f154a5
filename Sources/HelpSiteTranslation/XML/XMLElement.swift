/// An element of a parsed XML document, with namespaces resolved and the place
/// of its `<` in the file, so that a problem in it can be shown as file:line:column.
struct XMLElement: Sendable {
    struct Attribute: Sendable {
        /// The local name, without its prefix.
        var name: String
        /// The namespace URI of a prefixed attribute; nil for an unprefixed one (XML Namespaces §6.2).
        var namespace: String?
        /// With references replaced and white space normalised, as XML 1.0 §3.3.3 says.
        var value: String
        var line: Int
        var column: Int
    }

    enum Child: Sendable {
        case element(XMLElement)
        /// Character data: references replaced, CDATA sections unwrapped, line ends made `\n`.
        case text(String, line: Int, column: Int)
    }

    var name: String
    var namespace: String?
    var attributes: [Attribute]
    var children: [Child]
    var line: Int
    var column: Int

    /// The value of the unprefixed attribute `name`.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The value of `name` in the namespace `namespace` (`xml:space`).
    func attribute(_ name: String, namespace: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}

/// A document that is not well-formed XML, or that uses what this reader refuses.
struct XMLError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}
