import Foundation

/// The live reload: a script added to every page the preview serves (never to the
/// built files), which listens to the server's build events and reloads the page
/// when the site was built again since the page was served.
enum ReloadScript {
    static let path = "/_helpsite/reload.js"
    static let eventsPath = "/_helpsite/events"

    /// Kept in a file of its own rather than inline, so that a page with a strict
    /// Content-Security-Policy (`script-src 'self'`) still reloads.
    static let source = """
        // HelpSite preview: reload this page when the site has been built again.
        (function () {
          var script = document.currentScript;
          var shown = script ? script.getAttribute("data-generation") : null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== shown) {
              events.close();
              location.reload();
            }
          });
        })();

        """

    static func tag(generation: Int) -> String {
        "<script src=\"\(path)\" data-generation=\"\(generation)\"></script>\n"
    }

    /// The page with the script before its last `</body>`, or at its end if it has none.
    static func inject(into html: String, generation: Int) -> String {
        let tag = tag(generation: generation)
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    /// One server-sent event: the generation the site is at now.
    static func event(generation: Int) -> String {
        "event: build\ndata: \(generation)\n\n"
    }
}
