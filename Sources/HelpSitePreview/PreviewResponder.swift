import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers the browser: the built site, the reload script and its events, the
/// site's 404 page, and the problems while the content has errors.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let folder: SiteFolder
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "The preview only answers GET and HEAD.\n", extra: [.allow: "GET, HEAD"])
        }
        let response = await answer(request.uri.path)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ path: String) async -> Response {
        switch path {
        case ReloadScript.eventsPath: return await events()
        case ReloadScript.path: return body(.ok, ReloadScript.source, type: MediaTypes.forPath(path))
        default: break
        }
        let (generation, problems) = await (state.generation, state.problems)
        if let problems, MediaTypes.asksForPage(path), !isRefused(path) {
            return body(.internalServerError, ErrorPage.html(problems, generation: generation), type: MediaTypes.html)
        }
        switch folder.resolve(path) {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(path, generation) }
            let type = MediaTypes.forPath(file)
            guard type == MediaTypes.html else { return body(.ok, data, type: type) }
            return body(.ok, ReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: generation), type: type)
        case .redirect(let location):
            return text(.movedPermanently, "Moved to \(location)\n", extra: [.location: location])
        case .notFound:
            return notFound(path, generation)
        case .refused(let reason):
            return text(.badRequest, "Refused: \(reason).\n")
        }
    }

    private func isRefused(_ path: String) -> Bool {
        if case .refused = folder.resolve(path) { return true }
        return false
    }

    /// The site's own 404 page, in the language of the folder asked for.
    private func notFound(_ path: String, _ generation: Int) -> Response {
        guard let page = folder.notFoundPage(for: path), let data = FileManager.default.contents(atPath: page) else {
            return text(.notFound, "Not found.\n")
        }
        let html = ReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: generation)
        return body(.notFound, html, type: MediaTypes.html)
    }

    /// Server-sent events: the site's generation on connecting, then after each build.
    /// The stream ends when the server stops, so that it does not hold the shutdown open.
    private func events() async -> Response {
        let builds = await state.listen()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await generation in builds.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: ReloadScript.event(generation: generation)))
            }
            try await writer.finish(nil)
        })
    }

    private func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var response = body(status, message, type: "text/plain; charset=utf-8")
        response.headers.append(contentsOf: extra)
        return response
    }

    private func body(_ status: HTTPResponse.Status, _ text: String, type: String) -> Response {
        body(status, Data(text.utf8), type: type)
    }

    /// Nothing is cached: the next build may change any file.
    private func body(_ status: HTTPResponse.Status, _ data: Data, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
