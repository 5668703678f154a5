import Testing
@testable import HelpSiteCheck

/// Items of two languages paired by their ids: in place when the translation lists the same
/// ids in the same order, by id otherwise, with the same pairs either way.
@Suite("Pairing sections, blocks and channels across languages")
struct MatchedTests {
    /// `reference→translation` pairs, then what is missing and what is extra.
    func matched(_ reference: [String], _ translation: [String]) -> [String] {
        // An item is its id and its place: `a0`, `a1`.
        let items = { (ids: [String]) in ids.enumerated().map { "\($1)\($0)" } }
        let found = Matched(items(reference), items(translation)) { String($0.dropLast()) }
        return found.pairs.map { "\($0.reference)→\($0.translation)" } + ["missing"] + found.missing + ["extra"] + found.extra
    }

    @Test func theSameIdsInTheSameOrderArePairedInPlace() {
        #expect(matched(["a", "b", "c"], ["a", "b", "c"]) == ["a0→a0", "b1→b1", "c2→c2", "missing", "extra"])
        #expect(matched([], []) == ["missing", "extra"])
    }

    @Test func otherwiseEachIdFindsTheFirstItemWithIt() {
        #expect(matched(["a", "b", "c"], ["a", "c", "b"]) == ["a0→a0", "b1→b2", "c2→c1", "missing", "extra"])
        #expect(matched(["a", "b"], ["a", "x", "b"]) == ["a0→a0", "b1→b2", "missing", "extra", "x1"])
        #expect(matched(["a", "b", "c"], ["a", "b"]) == ["a0→a0", "b1→b1", "missing", "c2", "extra"])
        // An id twice: both of the reference's pair with the translation's first.
        #expect(matched(["a", "a"], ["a", "a"]) == ["a0→a0", "a1→a0", "missing", "extra"])
    }
}
