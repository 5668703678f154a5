/// Phone numbers as people write them, read into E.164 (`+3223707711`).
///
/// Belgian writing habits it understands: national `02 370 77 11`,
/// international `00 32 2 370 77 11` and `+32 2 370 77 11`, the redundant
/// trunk zero `+32 (0)2 370 77 11`, and dots, slashes or dashes between groups.
public enum PhoneNumber {
    /// Country calling codes of the regions a site may name as `phone_region`.
    public static let callingCodes: [String: String] = [
        "BE": "32", "NL": "31", "LU": "352", "FR": "33", "DE": "49", "GB": "44", "IE": "353",
    ]

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case invalidCharacter(Character)
        case noTrunkPrefix
        case unknownRegion(String)
        case wrongLength(country: String, digits: Int, expected: String)

        public var description: String {
            switch self {
            case .invalidCharacter(let character):
                return "'\(character)' cannot appear in a phone number (write digits, spaces, and a leading + or 00)"
            case .noTrunkPrefix:
                return "a phone number starts with +, 00 (international) or 0 (national)"
            case .unknownRegion(let region):
                return "phone region '\(region)' is not one of \(callingCodes.keys.sorted().joined(separator: ", "))"
            case .wrongLength(let country, let digits, let expected):
                return "a +\(country) number has \(expected) digits after the country code, this one has \(digits)"
            }
        }
    }

    /// The E.164 form of `written`, reading national numbers as numbers of `region`.
    public static func e164(_ written: String, region: String) -> Result<String, Problem> {
        guard let regionCode = callingCodes[region] else { return .failure(.unknownRegion(region)) }
        // The redundant trunk zero "(0)" is dropped wherever it stands; the rest is read
        // character by character (Foundation's replacingOccurrences cost more than all of it).
        let characters = Array(written.trimmed)
        var digits = ""
        var international = false
        var index = 0, offset = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(", index + 2 < characters.count, characters[index + 1] == "0", characters[index + 2] == ")" {
                index += 3
                continue
            }
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "+", offset == 0 {
                international = true
            } else if !" \u{00A0}\u{202F}./-()".contains(character) {
                return .failure(.invalidCharacter(character))
            }
            index += 1
            offset += 1
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        } else if !international {
            guard digits.hasPrefix("0") else { return .failure(.noTrunkPrefix) }
            digits = regionCode + digits.dropFirst()
        }
        return validate(digits).map { "+" + $0 }
    }

    private static func validate(_ digits: String) -> Result<String, Problem> {
        if digits.hasPrefix("32") {
            // Belgium: mobile numbers (045–049) have nine digits after 32; all others eight,
            // Liège's 04 numbers among them (04 223 45 67).
            let national = digits.dropFirst(2)
            let expected = ["45", "46", "47", "48", "49"].contains { national.hasPrefix($0) } ? 9 : 8
            guard national.count == expected else {
                return .failure(.wrongLength(country: "32", digits: national.count, expected: "\(expected)"))
            }
            return .success(digits)
        }
        guard (8...15).contains(digits.count) else {
            return .failure(.wrongLength(country: String(digits.prefix(3)), digits: digits.count, expected: "8 to 15 (with the country code)"))
        }
        return .success(digits)
    }
}
