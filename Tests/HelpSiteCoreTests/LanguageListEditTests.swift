import Foundation
import Testing
@testable import HelpSiteTranslation

/// `new-language`'s change to site.yaml: an item added after the last of `languages:`,
/// through `YAMLPatcher`, every other byte as it was.
@Suite("Adding a language to site.yaml")
struct LanguageListEditTests {
    func adding(_ text: String, name: String = "Deutsch") throws(LanguageScaffold.Failure) -> String {
        try LanguageScaffold.addingLanguage(code: "de", name: name, to: text, file: "content/site.yaml")
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try adding(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("the item goes after the line the list's last value ends on: comments, blank lines and the next key stay after it")
    func afterTheLastValue() throws {
        #expect(try adding("languages:\n  - code: nl\n    name: Nederlands  # NL\n  # more to come\n\nplace_names: []\n")
                == "languages:\n  - code: nl\n    name: Nederlands  # NL\n  - code: de\n    name: Deutsch\n  # more to come\n\nplace_names: []\n")
        #expect(try adding("languages:\n  - code: nl\n    name: |\n      Nederlands\n\nbase_url: x\n")
                == "languages:\n  - code: nl\n    name: |\n      Nederlands\n  - code: de\n    name: Deutsch\n\nbase_url: x\n")
        #expect(try adding("languages:\n  - {code: nl, name: Nederlands}\n")
                == "languages:\n  - {code: nl, name: Nederlands}\n  - code: de\n    name: Deutsch\n")
    }

    @Test("a byte-order mark and a last line without a line break are kept")
    func markAndLastLine() throws {
        #expect(try adding("\u{FEFF}languages:\n  - code: nl\n    name: Nederlands\n")
                == "\u{FEFF}languages:\n  - code: nl\n    name: Nederlands\n  - code: de\n    name: Deutsch\n")
        #expect(try adding("languages:\n  - code: nl\n    name: Nederlands")
                == "languages:\n  - code: nl\n    name: Nederlands\n  - code: de\n    name: Deutsch")
    }

    @Test("a name that would not read back as itself plain is double-quoted")
    func quoting() throws {
        #expect(try adding("languages:\n- code: nl\n  name: Nederlands\n", name: "Deutsch ")
                == "languages:\n- code: nl\n  name: Nederlands\n- code: de\n  name: \"Deutsch \"\n")
        #expect(try adding("languages:\n- code: nl\n  name: Nederlands\n", name: "# Deutsch")
                == "languages:\n- code: nl\n  name: Nederlands\n- code: de\n  name: \"# Deutsch\"\n")
    }

    @Test("no list to add to: each case says what to write")
    func refusals() {
        #expect(failure("name: X\n") == "content/site.yaml: site.yaml has no 'languages:' at the start of a line")
        #expect(failure("languages: []\n")
                == "content/site.yaml: site.yaml writes 'languages:' on one line; write it as a list of '- code: …' entries to add a language")
        #expect(failure("languages:\nname: X\n") == "content/site.yaml: site.yaml's 'languages:' has no '- code: …' entry to add to")
        #expect(failure("languages:\n  nl: Nederlands\n") == "content/site.yaml: site.yaml's 'languages:' has no '- code: …' entry to add to")
        #expect(failure("languages: [\n") == "content/site.yaml: cannot read the file again to change it")
    }
}
