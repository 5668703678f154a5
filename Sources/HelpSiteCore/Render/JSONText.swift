/// A JSON value, typed: the JSON-LD of a page is built from these and written
/// by `JSONText`. (Built from `[String: Any]` before, whose casts cost more than
/// the writing.)
enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    case bool(Bool)
    case int(Int)

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Sets `key` of an object; anything else is left as it is.
    subscript(key: String) -> JSONValue? {
        get {
            if case .object(let members) = self { return members[key] }
            return nil
        }
        set {
            guard case .object(var members) = self else { return }
            // Let go of self's reference first, so that the members are changed in place, not copied.
            self = .bool(false)
            members[key] = newValue
            self = .object(members)
        }
    }
}

/// JSON text with keys in sorted order, so that output is byte-identical from
/// run to run. Foundation's JSONSerialization took a tenth of a build's time on Linux.
enum JSONText {
    static func encode(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .string(let text):
            writeString(text, into: &output)
        case .object(let members):
            output += "{"
            // Keys are compared by their bytes: the same order as `String`'s for the ASCII keys
            // of JSON-LD, without its Unicode comparison.
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { output += "," }
                writeString(member.key, into: &output)
                output += ":"
                write(member.value, into: &output)
            }
            output += "}"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .int(let number):
            output += String(number)
        }
    }

    /// Escapes quotes, backslashes and control characters, and `<` (so that the
    /// text can stand inside a `<script>` element without closing it). Text with
    /// none of them, nearly all of it, is appended whole.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        var text = text
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "<") }
        }
        if plain {
            output += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "<": output += "\\u003c"
                case _ where scalar.value < 0x20:
                    output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
