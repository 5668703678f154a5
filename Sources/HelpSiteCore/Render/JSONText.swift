/// JSON text from dictionaries, arrays, strings, numbers and booleans, with
/// keys in sorted order so that output is byte-identical from run to run.
/// Foundation's JSONSerialization took a tenth of a build's time on Linux.
enum JSONText {
    static func encode(_ value: Any) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: Any, into output: inout String) {
        switch value {
        case let text as String:
            writeString(text, into: &output)
        case let dictionary as [String: Any]:
            output += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                write(dictionary[key]!, into: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case let flag as Bool:
            output += flag ? "true" : "false"
        case let number as Int:
            output += String(number)
        default:
            preconditionFailure("JSONText cannot write a \(type(of: value))")
        }
    }

    /// Escapes quotes, backslashes and control characters, and `<` (so that the
    /// text can stand inside a `<script>` element without closing it).
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
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
        output += "\""
    }
}
