import Foundation
import Testing
import HelpSiteTestSupport
import HelpSiteContent

/// The complaints page the repository ships, built end to end: every fact of
/// the seed's FACTS.md is on every language's page, as text and as a link.
@Suite("The shipped complaints site")
struct ShippedSiteTests {
    struct Expected {
        let path: String
        let lang: String
        let texts: [String]
        let links: [String]
    }

    /// Facts every language shares, in the form a reader follows.
    static let sharedLinks = [
        "tel:+3223707711", "tel:+3280012033", "tel:+3225475871",
        "mailto:services4you@stellantis-finance.com", "mailto:lease4you@stellantis-finance.com",
        "mailto:ombudsman@ombudsfin.be", "mailto:info.eco@economie.fgov.be", "mailto:info@ombudsman-insurance.be",
        "https://consumerconnect.be", "https://www.ombudsfin.be/nl/klacht-indienen", "https://www.ombudsman-insurance.be",
    ]
    static let sharedTexts = [
        "+32 2 370 77 11", "0800 120 33", "+32 2 547 58 71",
        "services4you@stellantis-finance.com", "lease4you@stellantis-finance.com", "ombudsman@ombudsfin.be",
        "info.eco@economie.fgov.be", "info@ombudsman-insurance.be", "www.ombudsman-insurance.be", "consumerconnect.be",
        "www.ombudsfin.be/nl/klacht-indienen", "North Gate III", "Square de Meeûs 35", "ConsumerConnect", "Ombudsfin",
        "Lease Cover", "Smart Repair",
    ]

    static let languages = [
        Expected(path: "nl/klachten/index.html", lang: "nl", texts: [
            "Stellantis Financial Services Belux NV", "Operationele dienst / SRC (B2C-klanten)",
            "Operationele dienst / BU Lease (B2B-klanten)", "Bourgetlaan 20, bus 1", "1130 Brussel",
            "Verzoeken > Klachtenformulier", "klachtendienst", "binnen vijf werkdagen", "Binnen een maand",
            "Maandag, dinsdag en donderdag van 9u00 tot 11u00", "Woensdag en vrijdag van 13u00 tot 15u00",
            "Ombudsman in financiële geschillen (Ombudsfin)", "Koning Albert II-laan 8, bus 2", "1000 Brussel",
            "Algemene Directie Economische Inspectie", "Koning Albert II-laan 16", "gratis nummer",
            "Ombudsman van de Verzekeringen", "FOD Economie",
        ], links: ["https://economie.fgov.be/nl"]),
        Expected(path: "fr/plaintes/index.html", lang: "fr", texts: [
            "Stellantis Financial Services Belux SA", "Service des opérations / SRC (clients B2C)",
            "Service des opérations / BU Lease (clients B2B)", "Avenue du Bourget 20, boîte 1", "1130 Bruxelles",
            "Demandes > Formulaire de plainte", "service des plaintes", "cinq jours ouvrables", "un mois",
            "Lundi, mardi et jeudi de 9 h 00 à 11 h 00", "Mercredi et vendredi de 13 h 00 à 15 h 00",
            "Ombudsman en conflits financiers (Ombudsfin)", "Boulevard du Roi Albert II 8, boîte 2",
            "1000 Bruxelles", "SPF Economie, P.M.E., Classes moyennes et Energie",
            "Direction générale de l'Inspection économique", "Boulevard du Roi Albert II 16", "Ombudsman des Assurances",
            "(page en néerlandais)",
        ], links: ["https://economie.fgov.be/fr"]),
        Expected(path: "en/complaints/index.html", lang: "en", texts: [
            "Stellantis Financial Services Belux NV/SA", "Operations department / SRC (B2C customers)",
            "Operations department / BU Lease (B2B customers)", "Avenue du Bourget 20, box 1", "1130 Brussels",
            "Requests > Complaint form", "complaints department", "five working days", "one month",
            "Monday, Tuesday and Thursday from 9:00 to 11:00", "Wednesday and Friday from 13:00 to 15:00",
            "Ombudsman for financial services (Ombudsfin)", "Boulevard du Roi Albert II 8, box 2", "1000 Brussels",
            "FPS Economy, SMEs, Self-employed and Energy", "Directorate-General Economic Inspection",
            "Boulevard du Roi Albert II 16", "Insurance Ombudsman", "(page in Dutch)",
        ], links: ["https://economie.fgov.be/en"]),
    ]

    @Test(arguments: languages)
    func everyFactIsOnThePage(_ expected: Expected) throws {
        let html = try TestBuild.page(expected.path, in: try TestBuild.render())
        let text = visibleText(html)
        for fact in Self.sharedTexts + expected.texts {
            #expect(text.contains(fact), "\(expected.lang): '\(fact)' is not on the page")
        }
        let links = linkTargets(html)
        for link in Self.sharedLinks + expected.links {
            #expect(links.contains(link), "\(expected.lang): no link to \(link)")
        }
        #expect(html.contains("<html lang=\"\(expected.lang)\">"))
    }

    @Test func theDutchPageNoLongerCarriesTheFrenchSlip() throws {
        let text = visibleText(try TestBuild.page("nl/klachten/index.html", in: try TestBuild.render()))
        #expect(!text.contains("Formulaire de plainte"))
    }

    @Test func pagesLinkTheirTranslationsBothWays() throws {
        let files = try TestBuild.render()
        let base = "https://help.example.com/"
        for expected in Self.languages {
            let html = try TestBuild.page(expected.path, in: files)
            for other in Self.languages {
                let folder = String(other.path.dropLast("index.html".count))
                #expect(html.contains("<link rel=\"alternate\" hreflang=\"\(other.lang)\" href=\"\(base)\(folder)\">"))
                if other.lang == expected.lang {
                    #expect(html.contains("<link rel=\"canonical\" href=\"\(base)\(folder)\">"))
                    #expect(html.contains("<span aria-current=\"page\" lang=\"\(other.lang)\">"))
                } else {
                    #expect(html.contains("<a href=\"../../\(folder)\" hreflang=\"\(other.lang)\" lang=\"\(other.lang)\">"))
                }
            }
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(base)nl/klachten/\">"))
        }
    }

    @Test func stepsAreAnOrderedListWithStableAnchors() throws {
        for expected in Self.languages {
            let html = try TestBuild.page(expected.path, in: try TestBuild.render())
            #expect(html.contains("<ol class=\"steps\">"))
            let anchors = html.matches(of: try Regex(#"<h2 id="([a-z-]+)""#)).compactMap { $0.output[1].substring.map(String.init) }
            // The steps, the insurance section, then the navigation of the page's group.
            #expect(anchors == ["first-contact", "second-review", "mediation", "supervisor", "insurance", "group-nav-title"])
            #expect(html.components(separatedBy: "<address>").count == 5, "four contact blocks and the ombudsman")
        }
    }

    @Test func theRootLetsAVisitorChooseALanguage() throws {
        let html = try TestBuild.page("index.html", in: try TestBuild.render())
        #expect(!html.contains("<script"))
        for lang in ["nl", "fr", "en"] {
            #expect(html.contains("<a href=\"\(lang)/\" hreflang=\"\(lang)\">"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"\(lang)\" href=\"https://help.example.com/\(lang)/\">"))
        }
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://help.example.com/\">"))
        #expect(visibleText(html).contains("Kies uw taal") && visibleText(html).contains("Choisissez votre langue"))
    }

    /// Each language's home page lists the groups of the navigation, with each page's
    /// title, link and description, in that language only.
    @Test(arguments: [("nl", "klachten", "Klachtenprocedure"), ("fr", "plaintes", "Procédure de plainte"), ("en", "complaints", "Complaints procedure")])
    func eachLanguageHasAHomePageListingItsPages(_ lang: String, _ slug: String, _ title: String) throws {
        let files = try TestBuild.render()
        let html = try TestBuild.page("\(lang)/index.html", in: files)
        let site = try #require(SiteLoader.load(contentDirectory: Project.content).site)
        let content = try #require(site.languages.first { $0.language.code == lang })
        #expect(html.contains("<html lang=\"\(lang)\">"))
        #expect(html.contains("<a href=\"../\(lang)/\(slug)/\">\(title)</a>"))
        #expect(visibleText(html).contains(try #require(content.strings.groupTitles["complaints"])))
        #expect(visibleText(html).contains(try #require(content.page(id: "complaints")).description.value.prefix(30)))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://help.example.com/\(lang)/\">"))
    }

    /// Every page leads back up: breadcrumbs to the language's home page and the group,
    /// the same trail as BreadcrumbList JSON-LD, and the other pages of its group.
    @Test func everyPageHasBreadcrumbsAndItsGroup() throws {
        let html = try TestBuild.page("fr/plaintes/index.html", in: try TestBuild.render())
        #expect(html.contains("<nav class=\"breadcrumbs\" aria-label=\"Fil d’Ariane\">") || html.contains("<nav class=\"breadcrumbs\" aria-label=\"Fil d&#39;Ariane\">"))
        #expect(html.contains("<li><a href=\"../../fr/\">Accueil</a></li>"))
        #expect(html.contains("<li><a href=\"../../fr/#complaints\">Plaintes et contact</a></li>"))
        #expect(html.contains("<li><span aria-current=\"page\">Procédure de plainte</span></li>"))
        #expect(html.contains("\"@type\":\"BreadcrumbList\""))
        #expect(html.contains("\"item\":\"https://help.example.com/fr/#complaints\""))
        #expect(html.contains("<nav class=\"group-nav\" aria-labelledby=\"group-nav-title\">"))
    }

    /// The 404 page of a language leads to its home page; the one at the root speaks every language.
    @Test func notFoundPagesLeadHome() throws {
        let files = try TestBuild.render()
        let french = try TestBuild.page("fr/404.html", in: files)
        #expect(french.contains("<a href=\"/fr/\" hreflang=\"fr\">Accueil</a>"))
        #expect(!french.contains("lang=\"nl\""))
        let root = try TestBuild.page("404.html", in: files)
        for (lang, home) in [("nl", "Startpagina"), ("fr", "Accueil"), ("en", "Home")] {
            #expect(root.contains("<div class=\"not-found\" lang=\"\(lang)\">"))
            #expect(root.contains("<a href=\"/\(lang)/\" hreflang=\"\(lang)\">\(home)</a>"))
        }
    }

    /// A browser asks every page for its icon: the page names it and the site has it.
    @Test func everyPageNamesAnIconTheSiteHas() throws {
        let files = try TestBuild.render()
        #expect(files.contains { $0.path == "favicon.svg" } && files.contains { $0.path == "favicon.ico" })
        for path in ["index.html", "nl/index.html", "nl/klachten/index.html", "nl/404.html", "404.html"] {
            #expect(try TestBuild.page(path, in: files).contains("<link rel=\"icon\" href=\""), "\(path)")
        }
    }

    /// `public/` is committed so that a reader of the repository sees the output;
    /// this keeps it from drifting: after changing content or templates, run `helpsite build`.
    @Test func theCommittedPublicFolderIsCurrent() throws {
        let files = try TestBuild.render()
        let committed = try FileManager.default.subpathsOfDirectory(atPath: Project.published)
            .filter { path in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: Project.published + "/" + path, isDirectory: &isDirectory)
                return !isDirectory.boolValue
            }
        #expect(Set(committed) == Set(files.map(\.path)), "public/ is stale: run `swift run helpsite build`")
        for file in files {
            let onDisk = FileManager.default.contents(atPath: Project.published + "/" + file.path)
            #expect(onDisk == file.contents, "public/\(file.path) is stale: run `swift run helpsite build`")
        }
    }

    /// Pages are rendered on several threads; the site must not depend on how many.
    @Test func oneWorkerAndSeveralBuildTheSameBytes() throws {
        let serial = try TestBuild.render(workers: 1)
        for workers in [2, 3, 8] {
            let parallel = try TestBuild.render(workers: workers)
            #expect(parallel.map(\.path) == serial.map(\.path))
            #expect(parallel.map(\.contents) == serial.map(\.contents), "\(workers) workers")
        }
    }
}
