import Foundation

/// Where the addresses of a text are, as offsets of its Unicode scalars, for the number reader
/// to skip: a word that holds `@` or `/` (and so `://`), starts with `www.` or is a domain
/// (`consumerconnect.be`), and phone numbers. Found by looking at each word, not by regular
/// expressions, which cost more than the rest of the reading; only a text with eight digits
/// close together (a phone number's least) runs the phone number's expression.
enum AddressMask {
    /// - Parameter window: the words looked at (whole words); a phone number is looked for in all of `text`.
    static func ranges(_ scalars: [Unicode.Scalar], in text: String, within window: Range<Int>? = nil) -> [Range<Int>] {
        let window = window ?? 0..<scalars.count
        var ranges: [Range<Int>] = []
        var start = window.lowerBound
        // Eight digits with at most spaces, dots, dashes, brackets or a plus between them may be a phone number.
        var digits = 0, phone = false
        while start < window.upperBound {
            guard !isSeparator(scalars[start]) else { start += 1; continue }
            var end = start
            var signs = false, dot = false
            while end < window.upperBound, !isSeparator(scalars[end]) {
                let scalar = scalars[end]
                if scalar.value >= 0x30, scalar.value <= 0x39 {
                    digits += 1
                    if digits >= 8 { phone = true }
                } else if scalar != "." && scalar != "-" && scalar != "(" && scalar != ")" && scalar != "+" {
                    digits = 0
                }
                if scalar == "@" || scalar == "/" { signs = true } else if scalar == "." { dot = true }
                end += 1
            }
            if signs || (dot && isDomain(scalars[start..<end])) { ranges.append(start..<end) }
            start = end
        }
        if phone {
            let matches = TextAddresses.phone.matches(in: text, range: NSRange(text.startIndex..., in: text))
            for match in matches {
                guard let range = Range(match.range, in: text) else { continue }
                let lower = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
                ranges.append(lower..<(lower + text.unicodeScalars[range].count))
            }
        }
        return merged(ranges)
    }

    /// Link destinations (`](…)`, `<…>`) and the markers of a numbered list (`1.` opening a line) in
    /// Markdown source: what cmark-gfm keeps out of the text it gives.
    static func markup(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(",
               let close = scalars[(index + 2)...].firstIndex(of: ")") {
                ranges.append(index..<(close + 1))
                index = close + 1
                lineStart = false
                continue
            }
            if scalar == "<", let close = scalars[(index + 1)...].firstIndex(where: { $0 == ">" || NumberReader.isSpaceScalar($0) }),
               scalars[close] == ">" {
                ranges.append(index..<(close + 1))
                index = close + 1
                lineStart = false
                continue
            }
            if lineStart, scalar != " ", scalar != "\t" {
                var end = index
                while end < scalars.count, end - index < 9, scalars[end].value >= 0x30, scalars[end].value <= 0x39 { end += 1 }
                if end > index, end < scalars.count, scalars[end] == "." || scalars[end] == ")",
                   end + 1 == scalars.count || scalars[end + 1] == " " || scalars[end + 1] == "\t" || scalars[end + 1] == "\n" {
                    ranges.append(index..<(end + 1))
                }
                lineStart = false
            }
            if scalar == "\n" { lineStart = true }
            index += 1
        }
        return ranges
    }

    /// Sorted, overlaps joined.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        NumberReader.isSpaceScalar(scalar) || scalar == NumberReader.boundary
    }

    private static let topLevelDomains = Set(TextAddresses.topLevelDomains)

    /// `www.fsma.be`, `consumerconnect.be`, `(fsma.be).`: a word with a dot in it that names a site.
    private static func isDomain(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        // Without the punctuation around it.
        guard let first = word.firstIndex(where: NumberReader.isWordScalar),
              let last = word.lastIndex(where: NumberReader.isWordScalar) else { return false }
        let labels = word[first...last].split(separator: ".", omittingEmptySubsequences: false)
        if labels.count >= 3, String(String.UnicodeScalarView(labels[0])).lowercased() == "www" { return true }
        guard labels.count >= 2, let topLevel = labels.last,
              topLevelDomains.contains(String(String.UnicodeScalarView(topLevel))) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0 == "-" || ($0.isASCII && NumberReader.isWordScalar($0)) }
        }
    }
}
