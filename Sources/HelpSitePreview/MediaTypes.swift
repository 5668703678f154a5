/// The Content-Type of a served file, by its extension: what a help site holds.
enum MediaTypes {
    static let html = "text/html; charset=utf-8"

    private static let byExtension = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json",
        "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "pdf": "application/pdf",
    ]

    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// Whether a request asks for a page (so that, while the content has errors, it gets them
    /// instead): a path ending in `/`, in `.html`, or with no extension.
    static func asksForPage(_ requestPath: String) -> Bool {
        guard !requestPath.hasSuffix("/") else { return true }
        let name = requestPath.split(separator: "/").last ?? ""
        return !name.contains(".") || name.lowercased().hasSuffix(".html") || name.lowercased().hasSuffix(".htm")
    }
}
