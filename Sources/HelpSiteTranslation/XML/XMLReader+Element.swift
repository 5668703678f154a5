extension XMLReader {
    /// An element, from its `<` to the `>` of its end tag, with everything inside it.
    mutating func element(depth: Int) throws(XMLError) -> XMLElement {
        guard depth <= Self.maximumDepth else { throw fail("elements are nested more than \(Self.maximumDepth) deep") }
        let (startLine, startColumn) = (line, column)
        try expect("<")
        let qualifiedName = try name()
        var raw: [(name: String, value: String, line: Int, column: Int)] = []
        var empty = false
        while true {
            let spaced = skipSpace()
            if starts(with: "/>") { try expect("/>"); empty = true; break }
            if peek() == ">" { try expect(">"); break }
            guard index < scalars.count else { throw fail("the file ends inside the tag <\(qualifiedName)>") }
            guard spaced else { throw fail("expected a space, '>' or '/>' after <\(qualifiedName)") }
            let attribute = try attributeText()
            if raw.contains(where: { $0.name == attribute.name }) {
                throw XMLError(message: "attribute '\(attribute.name)' is written twice in <\(qualifiedName)>",
                               line: attribute.line, column: attribute.column)
            }
            raw.append(attribute)
        }
        var scope = scopes.last ?? [:]
        for attribute in raw {
            if attribute.name == "xmlns" { scope[""] = attribute.value }
            if attribute.name.hasPrefix("xmlns:") { scope[String(attribute.name.dropFirst(6))] = attribute.value }
        }
        scopes.append(scope)
        defer { scopes.removeLast() }

        let (prefix, local) = split(qualifiedName)
        let namespace = scope[prefix ?? ""]
        if let prefix, namespace == nil {
            throw XMLError(message: "the prefix '\(prefix)' of <\(qualifiedName)> is not declared (xmlns:\(prefix)=\"…\")",
                           line: startLine, column: startColumn)
        }
        var attributes: [XMLElement.Attribute] = []
        for attribute in raw where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            let (attributePrefix, attributeName) = split(attribute.name)
            var attributeNamespace: String?
            if let attributePrefix {
                guard let uri = scope[attributePrefix] else {
                    throw XMLError(message: "the prefix '\(attributePrefix)' of attribute '\(attribute.name)' is not declared",
                                   line: attribute.line, column: attribute.column)
                }
                attributeNamespace = uri
            }
            if attributes.contains(where: { $0.name == attributeName && $0.namespace == attributeNamespace }) {
                throw XMLError(message: "attribute '\(attribute.name)' is written twice in <\(qualifiedName)>",
                               line: attribute.line, column: attribute.column)
            }
            attributes.append(.init(name: attributeName, namespace: attributeNamespace, value: attribute.value,
                                    line: attribute.line, column: attribute.column))
        }
        var element = XMLElement(name: local, namespace: namespace?.isEmpty == true ? nil : namespace, attributes: attributes,
                                 children: [], line: startLine, column: startColumn)
        if !empty {
            element.children = try content(of: qualifiedName, depth: depth, openedAt: (startLine, startColumn))
        }
        return element
    }

    /// What is between a start tag and its end tag; the end tag is read too.
    private mutating func content(of name: String, depth: Int, openedAt: (line: Int, column: Int)) throws(XMLError) -> [XMLElement.Child] {
        var children: [XMLElement.Child] = []
        var text: [Unicode.Scalar] = []
        var textStart = (line, column)
        func flush() {
            if !text.isEmpty {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text)
                children.append(.text(String(view), line: textStart.0, column: textStart.1))
                text.removeAll()
            }
        }
        while true {
            guard let scalar = peek() else {
                throw XMLError(message: "the file ends before </\(name)>; <\(name)> opened here is never closed",
                               line: openedAt.line, column: openedAt.column)
            }
            if text.isEmpty { textStart = (line, column) }
            if starts(with: "</") {
                let (endLine, endColumn) = (line, column)
                try expect("</")
                let endName = try self.name()
                skipSpace()
                try expect(">")
                guard endName == name else {
                    throw XMLError(message: "</\(endName)> closes <\(name)>, opened at line \(openedAt.line), column \(openedAt.column)",
                                   line: endLine, column: endColumn)
                }
                flush()
                return children
            } else if starts(with: "<![CDATA[") {
                try expect("<![CDATA[")
                while !starts(with: "]]>") {
                    guard index < scalars.count else { throw fail("the file ends inside a CDATA section") }
                    text.append(try advanceChecked())
                }
                try expect("]]>")
            } else if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if scalar == "<" {
                flush()
                children.append(.element(try element(depth: depth + 1)))
            } else if scalar == "&" {
                text.append(try reference())
            } else if starts(with: "]]>") {
                throw fail("']]>' is not allowed in text; write ]]&gt;")
            } else {
                text.append(try advanceChecked())
            }
        }
    }

    /// `name="value"` or `name='value'`, with the value's references replaced.
    mutating func attributeText() throws(XMLError) -> (name: String, value: String, line: Int, column: Int) {
        let (startLine, startColumn) = (line, column)
        let attributeName = try name()
        skipSpace()
        guard peek() == "=" else { throw fail("expected '=' after the attribute name '\(attributeName)'") }
        try expect("=")
        skipSpace()
        guard let quote = peek(), quote == "\"" || quote == "'" else {
            throw fail("the value of '\(attributeName)' must be in quotes")
        }
        try expect(String(quote))
        var value = String.UnicodeScalarView()
        while peek() != quote {
            guard let scalar = peek() else { throw fail("the file ends inside the value of '\(attributeName)'") }
            if scalar == "<" { throw fail("'<' is not allowed in an attribute value; write &lt;") }
            if scalar == "&" {
                value.append(try reference())
            } else {
                let read = try advanceChecked()
                // XML 1.0 §3.3.3: white space characters written as such become spaces.
                value.append(read == "\n" || read == "\t" ? " " : read)
            }
        }
        try expect(String(quote))
        return (attributeName, String(value), startLine, startColumn)
    }

    /// `&amp;`, `&#233;`, `&#xE9;`: the one character it stands for.
    private mutating func reference() throws(XMLError) -> Unicode.Scalar {
        let (startLine, startColumn) = (line, column)
        try expect("&")
        var body = ""
        while let scalar = peek(), scalar != ";" {
            guard body.unicodeScalars.count < 32, scalar != "<", scalar != "&", !isSpace(scalar) else {
                throw XMLError(message: "'&' starts a reference that never ends with ';'; write & as &amp;", line: startLine, column: startColumn)
            }
            body.unicodeScalars.append(scalar)
            advance()
        }
        guard peek() == ";" else {
            throw XMLError(message: "'&' starts a reference that never ends with ';'; write & as &amp;", line: startLine, column: startColumn)
        }
        advance()
        let predefined: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        if let scalar = predefined[body] { return scalar }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let code, !digits.hasPrefix("x+"), !digits.hasPrefix("+"), let scalar = Unicode.Scalar(code), isXMLChar(scalar) {
                return scalar
            }
            throw XMLError(message: "'&\(body);' is not a character XML allows", line: startLine, column: startColumn)
        }
        throw XMLError(message: "unknown entity '&\(body);': XML knows only &amp; &lt; &gt; &quot; &apos;; write the character itself or a numeric reference such as &#160;",
                       line: startLine, column: startColumn)
    }

    private func split(_ qualifiedName: String) -> (prefix: String?, local: String) {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return (nil, qualifiedName) }
        return (String(qualifiedName[..<colon]), String(qualifiedName[qualifiedName.index(after: colon)...]))
    }
}
