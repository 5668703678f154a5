import Foundation
import HelpSiteModel
import HelpSiteContent
import HelpSiteCheck
import HelpSiteRender
import HelpSitePublish
import HelpSiteLinks
import HelpSiteOnlineLinks
import HelpSiteTranslation
import HelpSitePipeline
import HelpSitePreview
import Testing

/// `helpsite serve` run inside the test process on a port the system picks, on a
/// copy of the base fixture with the shipped templates.
package final class RunningPreview: @unchecked Sendable {
    package let project: TemporaryFolder
    package let port: Int
    private let task: Task<Void, any Error>

    package var output: String { project.path + "/preview" }

    /// Starts the server and returns once it listens (after the first build).
    package init(project: TemporaryFolder) async throws {
        self.project = project
        let configuration = PreviewConfiguration(
            content: project.path + "/content", templates: project.path + "/templates", output: project.path + "/preview",
            port: 0, pollInterval: .milliseconds(100), settleTime: .milliseconds(100)
        )
        let (addresses, announce) = AsyncStream.makeStream(of: String.self)
        task = Task {
            defer { announce.finish() }
            try await PreviewServer(configuration: configuration).run { event in
                if case .listening(let url) = event { announce.yield(url) }
            }
        }
        var port: Int?
        for await url in addresses {
            port = URLComponents(string: url)?.port
            break
        }
        guard let port else {
            _ = try await task.value
            throw LoopbackClient.Failure(description: "the preview server stopped before it listened")
        }
        self.port = port
    }

    package static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        try folder.overlay(URL(fileURLWithPath: Project.templates), at: "templates")
        return folder
    }

    package func get(_ target: String, method: String = "GET") async throws -> LoopbackClient.Response {
        try await LoopbackClient.get(target, port: port, method: method)
    }

    /// Asks for `target` until `condition` holds of the answer, for up to a minute (the
    /// server rebuilds within a second; the margin is for a loaded machine).
    package func eventually(_ target: String, _ condition: (LoopbackClient.Response) -> Bool) async throws -> LoopbackClient.Response {
        let deadline = Date().addingTimeInterval(60)
        var last = try await get(target)
        while !condition(last), Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            last = try await get(target)
        }
        return last
    }

    package func stop() async {
        task.cancel()
        _ = await task.result
    }
}
