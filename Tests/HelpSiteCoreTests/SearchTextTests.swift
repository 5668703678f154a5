import Testing
@testable import HelpSiteSearch

/// How the search index cuts text: the rules `search.js` repeats for a query.
@Suite("Search: words, folding, facts and stems")
struct SearchTextTests {
    @Test func wordsAreRunsOfLettersAndDigits() {
        let words = SearchText.words("Bel 02 370 77 11, of mail naar l’équipe! Straße 1130—Brussel")
        #expect(words == ["Bel", "02", "370", "77", "11", "of", "mail", "naar", "l", "équipe", "Straße", "1130", "Brussel"])
    }

    @Test func foldingDropsCaseAccentsAndLigatures() {
        #expect(SearchText.fold("Financiële") == "financiele")
        #expect(SearchText.fold("MÉDIATEUR") == "mediateur")
        #expect(SearchText.fold("Œuvre") == "oeuvre")
        #expect(SearchText.fold("ex æquo") == "ex aequo")
        #expect(SearchText.fold("Straße") == "strasse")
        #expect(SearchText.fold("Meeûs") == "meeus")
        #expect(SearchText.fold("Klachten") == "klachten")
    }

    @Test func theLatinTableFoldsAsTheFullDecompositionDoes() {
        for value in UInt32(0x80)..<0x250 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control else { continue }
            let text = "x" + String(Character(scalar)) + "y"
            #expect(SearchText.fold(text) == SearchText.decomposedFold(text.lowercased()), "U+\(String(value, radix: 16))")
        }
        #expect(SearchText.fold("Ὀδυσσεύς") == "οδυσσευς", "beyond Latin: Foundation's decomposition")
    }

    @Test func aPhoneNumberIsKeptAsTheDigitsAVisitorTypesAtHome() {
        #expect(SearchText.nationalDigits(e164: "+3223707711", callingCode: "32") == "023707711")
        #expect(SearchText.nationalDigits(e164: "+32470123456", callingCode: "32") == "0470123456")
        #expect(SearchText.nationalDigits(e164: "+33123456789", callingCode: "32") == "0033123456789")
    }

    @Test func phoneNumbersInRunningTextAreFound() {
        let text = "Bel 00 32 2 370 77 11 of +32 (0)2 547 58 71, gratis 0800 120 33, op 1 januari 2026 vanaf 9 uur."
        #expect(SearchText.phoneNumbers(in: text, region: "BE") == ["023707711", "025475871", "080012033"])
        #expect(SearchText.phoneNumbers(in: "Postcode 1130, huisnummer 20, 2026-12-04", region: "BE").isEmpty)
    }

    @Test func emailAddressesInRunningTextAreFoundInLowerCase() {
        let text = "Mail Klachten@Voorbeeldbank.example, of info.eco@economie.fgov.be. Niet: @handle of naam@"
        #expect(SearchText.emailAddresses(in: text) == ["klachten@voorbeeldbank.example", "info.eco@economie.fgov.be"])
    }

    @Test func libstemmerStemsEachLanguageWithItsSnowballAlgorithm() {
        let nl = Stemmer(language: "nl"), fr = Stemmer(language: "fr"), en = Stemmer(language: "en")
        #expect(nl.stem("klachten") == "klacht")
        #expect(nl.stem("klacht") == "klacht")
        // Debian's Dutch is Snowball's Porter stemmer: it does not join these two (docs/decisions/0007).
        #expect(nl.stem("bemiddeling") == "bemiddel")
        #expect(nl.stem("bemiddelaar") == "bemiddelar")
        #expect(fr.stem("plaintes") == fr.stem("plainte"))
        #expect(fr.stem("médiateurs") == "médiateur")
        #expect(en.stem("complaints") == "complaint")
        #expect(Stemmer(language: "de").stem("beschwerden") == "beschwerden", "a language without a stemmer keeps its words")
    }

    @Test func aWordIsIndexedUnderItsFoldedStemAndItsStemFolded() {
        let fr = SearchTerms(language: "fr")
        #expect(fr.terms(of: "Médiateurs") == ["mediateur"])
        #expect(fr.terms(of: "1130") == ["1130"])
        let nl = SearchTerms(language: "nl")
        #expect(nl.terms(of: "financiële") == nl.terms(of: "financiele"))
        #expect(nl.terms(of: "Klachten") == ["klacht"])
    }

    @Test func aSectionsWeightsFollowItsFieldsAndLength() {
        let terms = SearchTerms(language: "nl")
        let weights = terms.named(terms.weights(fields: [("Bemiddeling", SearchTerms.Field.title), ("Wend u tot de ombudsman.", SearchTerms.Field.text)],
                                                facts: ["ombudsman@ombudsdienst.example"]))
        let byTerm = Dictionary(uniqueKeysWithValues: weights.map { ($0.term, $0.weight) })
        #expect(weights.map(\.term) == ["bemiddel", "wend", "u", "tot", "de", "ombudsman", "ombudsman@ombudsdienst.example"],
                "in the order the section first has them")
        #expect(byTerm["bemiddel"]! > byTerm["ombudsman"]!, "a word of the title weighs more than one of the text")
        #expect(byTerm["ombudsman@ombudsdienst.example"] != nil)
        #expect(weights.allSatisfy { (1...22).contains($0.weight) })
    }
}
