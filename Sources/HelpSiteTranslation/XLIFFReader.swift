import HelpSiteModel

/// An XLIFF 2 document as `import-xliff` needs it: the languages, and per `<file>` the units' texts.
struct XLIFFDocument {
    struct File {
        var id: String
        var location: SourceLocation
        var units: [Unit]
    }

    struct Unit {
        var id: String
        var location: SourceLocation
        /// The unit's segments and ignorables, joined in order, as XLIFF 2 §4.3.1.2 reads a unit.
        var source: String
        var sourceLocation: SourceLocation
        /// Nil when no segment has a target: not translated.
        var target: String?
        var targetLocation: SourceLocation?
    }

    var sourceLanguage: Located<String>
    var targetLanguage: Located<String>
    var files: [File]
}

/// Reads XLIFF 2.0, 2.1 and 2.2 strictly: the core elements must be where the
/// standard puts them; elements of other namespaces (the modules and extensions
/// CAT tools add: matches, metadata) are passed over.
enum XLIFFReader {
    static let namespaces = ["urn:oasis:names:tc:xliff:document:2.0", "urn:oasis:names:tc:xliff:document:2.2"]

    static func read(_ text: String, file: String) -> Result<XLIFFDocument, Diagnostic> {
        func at(_ element: XMLElement) -> SourceLocation { SourceLocation(file: file, line: element.line, column: element.column) }
        let root: XMLElement
        do {
            root = try XMLReader.parse(text)
        } catch {
            return .failure(.error("XML: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column)))
        }
        guard root.name == "xliff", let namespace = root.namespace, namespaces.contains(namespace) else {
            let found = root.namespace.map { "<\(root.name)> in \($0)" } ?? "<\(root.name)>"
            let hint = root.namespace?.hasSuffix(":1.2") == true ? "; XLIFF 1.2 is not read: export XLIFF 2 from the CAT tool" : ""
            return .failure(.error("not an XLIFF 2 document: the root is \(found)\(hint)", at: at(root)))
        }
        let reader = Walk(file: file, namespace: namespace)
        guard let source = root.attribute("srcLang"), let target = root.attribute("trgLang") else {
            return .failure(.error("<xliff> needs srcLang and trgLang (the language translated from, and into)", at: at(root)))
        }
        do {
            var files: [XLIFFDocument.File] = []
            for element in try reader.core(root.elements, allowed: ["file"]) {
                let id = try reader.id(of: element, among: files.map(\.id))
                var units: [XLIFFDocument.Unit] = []
                try reader.units(in: element, into: &units)
                files.append(.init(id: id, location: at(element), units: units))
            }
            return .success(XLIFFDocument(sourceLanguage: Located(source, at: at(root)), targetLanguage: Located(target, at: at(root)),
                                          files: files))
        } catch {
            return .failure(error)
        }
    }

    private struct Walk {
        let file: String
        let namespace: String

        func at(_ element: XMLElement) -> SourceLocation { SourceLocation(file: file, line: element.line, column: element.column) }

        /// The children in the XLIFF namespace; any other core element where only `allowed` may stand is an error.
        func core(_ elements: [XMLElement], allowed: Set<String>, passing: Set<String> = []) throws(Diagnostic) -> [XMLElement] {
            var kept: [XMLElement] = []
            for element in elements where element.namespace == namespace && !passing.contains(element.name) {
                guard allowed.contains(element.name) else { throw .error("<\(element.name)> is not expected here", at: at(element)) }
                kept.append(element)
            }
            return kept
        }

        func id(of element: XMLElement, among seen: [String]) throws(Diagnostic) -> String {
            guard let id = element.attribute("id"), !id.isEmpty else { throw .error("<\(element.name)> has no id", at: at(element)) }
            guard !seen.contains(id) else { throw .error("a second <\(element.name)> has the id '\(id)'", at: at(element)) }
            return id
        }

        /// The units of a `<file>` or `<group>`, groups opened.
        func units(in parent: XMLElement, into units: inout [XLIFFDocument.Unit]) throws(Diagnostic) {
            for element in try core(parent.elements, allowed: ["unit", "group"], passing: ["skeleton", "notes"]) {
                if element.name == "group" {
                    try self.units(in: element, into: &units)
                    continue
                }
                let id = try self.id(of: element, among: units.map(\.id))
                var parts: [(source: String, target: String?, ignorable: Bool)] = []
                var sourceLocation: SourceLocation?, targetLocation: SourceLocation?
                for part in try core(element.elements, allowed: ["segment", "ignorable"], passing: ["notes", "originalData"]) {
                    let texts = try core(part.elements, allowed: ["source", "target"])
                    guard let sourceElement = texts.first(where: { $0.name == "source" }) else {
                        throw .error("<\(part.name)> has no <source>", at: at(part))
                    }
                    let targetElement = texts.first { $0.name == "target" }
                    sourceLocation = sourceLocation ?? at(sourceElement)
                    targetLocation = targetLocation ?? targetElement.map(at)
                    parts.append((try content(of: sourceElement), try targetElement.map(content), part.name == "ignorable"))
                }
                let source = parts.map(\.source).joined()
                var target: String?
                if parts.contains(where: { $0.target != nil }) {
                    if let untranslated = parts.firstIndex(where: { $0.target == nil && !$0.ignorable }) {
                        throw .error("unit '\(id)' is translated in part only: segment \(untranslated + 1) has no <target>", at: at(element))
                    }
                    // An ignorable without a target (white space between segments) stands in the target as it is.
                    target = parts.map { $0.target ?? $0.source }.joined()
                }
                guard let sourceLocation else { throw .error("unit '\(id)' has no <segment>", at: at(element)) }
                units.append(.init(id: id, location: at(element), source: source, sourceLocation: sourceLocation,
                                   target: target, targetLocation: targetLocation))
            }
        }

        /// The text of a `<source>` or `<target>`: characters, `<cp>` and the text of annotations.
        func content(of element: XMLElement) throws(Diagnostic) -> String {
            var text = ""
            for child in element.children {
                switch child {
                case .text(let value, _, _): text += value
                case .element(let inline):
                    switch (inline.namespace == namespace, inline.name) {
                    case (true, "cp"):
                        guard let hex = inline.attribute("hex"), let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw .error("<cp> needs hex, a Unicode code point such as hex=\"0001\"", at: at(inline))
                        }
                        text.unicodeScalars.append(scalar)
                    case (true, "mrk"): text += try content(of: inline)
                    case (true, "sm"), (true, "em"): break
                    default:
                        throw .error("<\(inline.name)> in <\(element.name)>: HelpSite texts are Markdown with no inline codes; write the text alone",
                                     at: at(inline))
                    }
                }
            }
            return text
        }
    }
}
