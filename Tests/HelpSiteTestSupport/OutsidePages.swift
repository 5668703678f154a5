/// Pages of outside organisations as the loopback test server serves them
/// (`TestRoutes`): each writes the facts of the shipped content its own way.
package enum OutsidePages {
    /// A 200 that says the page is gone: a soft 404.
    package static let softNotFound = """
        <!DOCTYPE html><html lang="nl"><head><title>Pagina niet gevonden | Ombudsfin</title></head>
        <body><nav><a href="/">Home</a></nav><h1>Oeps!</h1><p>Deze pagina bestaat niet meer.</p></body></html>
        """

    /// A long article whose title names a 404: not a soft 404, since it is not short.
    package static let articleAboutNotFound = "<!DOCTYPE html><html><head><title>What a 404 Not Found error means</title></head><body>"
        + String(repeating: "<p>A long explanation of status codes, paragraph after paragraph.</p>\n", count: 1200) + "</body></html>"

    /// The supervisor's contact page: every fact of the content's `economy` block, written
    /// otherwise (`B-1000`, `0800/120.33`, the domain in capitals, an entity in the street).
    package static let economy = """
        <!DOCTYPE html><html lang="nl"><head><title>Contact | FOD Economie</title>
        <script>var phone = "0800 999 99";</script><style>p::before { content: "02 000 00 00"; }</style></head>
        <body><h1>Contact</h1>
        <address>FOD Economie<br>North Gate<br>Koning&nbsp;Albert&#32;II-laan 16<br>B-1000 Brussel</address>
        <p>Bel gratis: <a href="tel:+3280012033">0800/120.33</a></p>
        <p>Mail: <a href="mailto:info.eco@ECONOMIE.fgov.be">info.eco@ECONOMIE.fgov.be</a></p>
        </body></html>
        """

    /// Ombudsfin's contact page, in French, after their e-mail address changed.
    package static let ombudsfinChanged = """
        <!DOCTYPE html><html lang="fr"><head><title>Contact | Ombudsfin</title></head>
        <body><h1>Nous contacter</h1>
        <p>Ombudsfin<br>North Gate II<br>Boulevard du Roi Albert II 8 bte 2<br>1000 Bruxelles</p>
        <p>E-mail : <a href="mailto:plaintes@ombudsfin.be">plaintes@ombudsfin.be</a></p>
        </body></html>
        """
}
