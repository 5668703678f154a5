/// Reads the numbers of a text in one language, each with the unit written directly after
/// it. The rules, as docs/translators.md states them for translators:
///
/// - Digits are always a number: `5`, `1.000` (nl, fr), `1 000` (fr), `1,000` (en), `2,5` (nl, fr),
///   `2.5` (en). Digits inside a word (`B2C`, `4you`, `1er`, `9h30`, `24/7`), a time (`09:00`), the
///   day of a date (`1 januari`, `January 1`), a phone number, an e-mail or a web address are not numbers.
/// - `twee` … `twaalf`, `deux` … `douze`, `two` … `twelve` are numbers. So are `één`, `een`, `un`,
///   `une`, `one`, and English `a` and `an`, but only directly before a unit: `een klacht` and
///   `a new one` are not numbers, `één maand`, `een maand`, `d'un mois` and `within a month` are 1 month
///   (`a` after a number or `once`, `twice`, `times` is a rate: `twice a month`, `€5 a month`).
/// - The unit is the word or words directly after the number, a hyphen allowed (`5-day`), or the
///   `€` directly before it (`€ 5`). Units are in `NumberWords`.
struct NumberReader: Sendable {
    let words: NumberWords
    /// Whether the language has a table of words and units; without one only digits are read.
    let knowsWords: Bool

    /// Each word of the tables, as `NumberReader.key` packs it: most words of a text are in none
    /// of the tables, and are passed over without being made a string.
    let keys: WordKeys
    let glanceKeys: GlanceKeys

    /// One reader per language, made once: its tables are the same for every text.
    init(language: String) {
        let code = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self = Self.made[code] ?? NumberReader(table: code)
    }

    private static let made = Dictionary(uniqueKeysWithValues: ["nl", "fr", "en"].map { ($0, NumberReader(table: $0)) })

    private init(table code: String) {
        let table = NumberWords.of(code)
        words = table ?? .digitsOnly
        knowsWords = table != nil
        keys = WordKeys(words.vocabulary.compactMap { Self.key(Array($0.unicodeScalars)[...]) })
        glanceKeys = GlanceKeys(words)
    }

    /// A number found in a text, with the place of its figure or word in that text.
    struct Read: Sendable, Equatable {
        var value: String
        var unit: Quantity.Unit?
        var inDigits: Bool
        var needsCounterpart: Bool
        var written: String
        /// The number itself (not its `€` or its unit) as written, `5` or `één`, and where it is
        /// in the text, in Unicode scalars.
        var figure: String
        var anchor: Range<Int>
    }

    /// The numbers of `text`, in order; addresses and phone numbers in it are skipped.
    func read(_ text: String) -> [Read] {
        let glance = glance(text)
        let one = Read(value: "1", unit: nil, inDigits: false, needsCounterpart: false, written: "", figure: "", anchor: 0..<0)
        guard !glance.triggers.isEmpty else { return Array(repeating: one, count: glance.ones.count) }
        // Only the words around a figure, a `€`, a number word or a unit are read; a word for one
        // elsewhere has no unit after it, and is counted as it is.
        let scalars = Self.scalars(of: text)
        let windows = Self.windows(around: glance.triggers, in: scalars)
        var tokens: [Token] = []
        for window in windows {
            if let last = tokens.last {
                tokens.append(Token(kind: .other(Self.boundary), range: last.range.upperBound..<window.lowerBound))
            }
            tokens += Self.tokens(scalars, in: window, masked: AddressMask.ranges(scalars, in: text, within: window), words: words, keys: keys)
        }
        var outside = 0, window = 0
        for offset in glance.ones {
            while window < windows.count, windows[window].upperBound <= offset { window += 1 }
            if window == windows.count || offset < windows[window].lowerBound { outside += 1 }
        }
        func read(_ index: Int, _ value: String, _ unit: Quantity.Unit?, inDigits: Bool, needed: Bool, from start: Int, to end: Int) -> Read {
            // A word that needs no counterpart is never shown: its text is not kept (`een` is in every other sentence).
            Read(value: value, unit: unit, inDigits: inDigits, needsCounterpart: needed,
                 written: needed ? Self.written(scalars[tokens[start].range.lowerBound..<tokens[end].range.upperBound]) : "",
                 figure: needed ? String(String.UnicodeScalarView(scalars[tokens[index].range])) : "", anchor: tokens[index].range)
        }
        var found = Array(repeating: one, count: outside)
        for index in tokens.indices {
            switch tokens[index].kind {
            case .digits(let value):
                // `1 januari`, `January 1`: a day of a date, which is not compared (`1er janvier` is not read);
                // `januari 2025` is a year, and is.
                if isMonth(next(index, tokens), tokens) || (isMonth(previous(index, tokens), tokens) && (Double(value) ?? 0) <= 31) {
                    continue
                }
                if let before = previous(index, tokens), tokens[before].kind == .symbol("€") || tokens[before].kind == .word("eur") {
                    found.append(read(index, value, .euros, inDigits: true, needed: true, from: before, to: index))
                } else {
                    let after = unit(after: index, tokens)
                    found.append(read(index, value, after?.unit, inDigits: true, needed: true, from: index, to: after?.end ?? index))
                }
            case .word(let word):
                let value: Int
                let isArticle = words.articles.contains(word)
                if let number = words.numbers[word] {
                    value = number
                } else if words.ones.contains(word) || isArticle {
                    value = 1
                } else {
                    continue
                }
                guard !isPartOfLargerNumber(index, tokens) else { continue }
                let after = unit(after: index, tokens)
                if isArticle, after == nil || isRate(index, tokens) { continue }
                found.append(read(index, String(value), after?.unit, inDigits: false, needed: after != nil,
                                  from: index, to: after?.end ?? index))
            default:
                continue
            }
        }
        return found
    }

    private func isMonth(_ index: Int?, _ tokens: [Token]) -> Bool {
        guard let index, case .word(let word) = tokens[index].kind else { return false }
        return words.months.contains(word)
    }

    /// The unit written directly after the number at `index`, and the last token of the unit.
    private func unit(after index: Int, _ tokens: [Token]) -> (unit: Quantity.Unit, end: Int)? {
        var start = index + 1
        if start < tokens.count, case .other("-") = tokens[start].kind { start += 1 }
        else if start < tokens.count, case .space = tokens[start].kind { start += 1 }
        for (phrase, unit) in words.units {
            var position = start
            var matched = true
            for (offset, word) in phrase.enumerated() {
                if offset > 0 {
                    guard position < tokens.count, case .space = tokens[position].kind else { matched = false; break }
                    position += 1
                }
                guard position < tokens.count, tokens[position].kind.text == word else { matched = false; break }
                position += 1
            }
            if matched { return (unit, position - 1) }
        }
        return nil
    }

    /// English `a` after a number, a `€` or `%`, `once`, `twice` or `times`: a rate, not one.
    private func isRate(_ index: Int, _ tokens: [Token]) -> Bool {
        var position = index
        for _ in 0..<2 {
            guard let before = previous(position, tokens) else { return false }
            switch tokens[before].kind {
            case .digits, .symbol: return true
            case .word(let word) where words.numbers[word] != nil || words.rateWords.contains(word): return true
            default: position = before
            }
        }
        return false
    }

    /// `twenty-one`, `vingt et un`, `deux cents`, `one hundred`, `dix-huit`: a word of a number above twelve.
    private func isPartOfLargerNumber(_ index: Int, _ tokens: [Token]) -> Bool {
        func isCompound(_ position: Int?) -> Bool {
            guard let position, case .word(let word) = tokens[position].kind else { return false }
            return words.compounds.contains(word)
        }
        func neighbour(_ position: Int, _ step: Int) -> Int? {
            var next = position + step
            if next >= 0, next < tokens.count, tokens[next].kind == .space || tokens[next].kind == .other("-") { next += step }
            return next >= 0 && next < tokens.count ? next : nil
        }
        if isCompound(neighbour(index, -1)) || isCompound(neighbour(index, 1)) { return true }
        // `dix-huit`: two number words joined by a hyphen.
        for step in [-1, 1] where index + 2 * step >= 0 && index + 2 * step < tokens.count && tokens[index + step].kind == .other("-") {
            if case .word(let word) = tokens[index + 2 * step].kind, words.numbers[word] != nil || words.ones.contains(word) { return true }
        }
        guard let before = neighbour(index, -1), case .word(let word) = tokens[before].kind, words.conjunctions.contains(word) else { return false }
        return isCompound(neighbour(before, -1))
    }

    /// The token before `index`, past one space.
    private func previous(_ index: Int, _ tokens: [Token]) -> Int? {
        var before = index - 1
        if before >= 0, case .space = tokens[before].kind { before -= 1 }
        return before >= 0 ? before : nil
    }

    /// The token after `index`, past one space.
    private func next(_ index: Int, _ tokens: [Token]) -> Int? {
        var after = index + 1
        if after < tokens.count, case .space = tokens[after].kind { after += 1 }
        return after < tokens.count ? after : nil
    }

    /// In one pass: `Array(text.unicodeScalars)` decodes the text twice, once to count it. Decoded
    /// from the string's own UTF-8 (valid, as Swift strings are), which costs half of walking
    /// `unicodeScalars`.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
                var index = 0
                count = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    var value = lead, size = 1
                    if lead >= 0x80 {
                        size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                        value = lead & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
                        for next in 1..<size { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
                    }
                    scalars.initializeElement(at: count, to: Unicode.Scalar(value).unsafelyUnwrapped)
                    count += 1
                    index += size
                }
            }
        }
    }

    /// As written, each run of spaces made one.
    private static func written(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        var space = false
        for scalar in scalars {
            if isSpaceScalar(scalar) {
                space = true
            } else {
                if space, !text.isEmpty { text.append(" ") }
                space = false
                text.append(scalar)
            }
        }
        return String(text)
    }
}
