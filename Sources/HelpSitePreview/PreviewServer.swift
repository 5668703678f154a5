import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import HelpSitePublish

/// `helpsite serve`: builds the site, serves it, and builds it again whenever
/// content/ or templates/ change, telling open pages to reload.
public struct PreviewServer: Sendable {
    public let configuration: PreviewConfiguration

    public init(configuration: PreviewConfiguration) {
        self.configuration = configuration
    }

    /// Builds once, then serves until SIGINT or SIGTERM (with `stopsOnSignals`) or until
    /// the task is cancelled. Throws when the address cannot be listened on.
    public func run(onEvent: @escaping @Sendable (PreviewEvent) -> Void) async throws {
        let state = PreviewState()
        let builder = PreviewBuilder(configuration: configuration)
        let rebuild: @Sendable ([String]) async -> Void = { changed in
            onEvent(.building(changed: changed))
            let (outcome, elapsed) = await builder.build()
            await state.record(outcome)
            onEvent(.built(outcome, elapsed: elapsed))
        }
        let watcher = ContentWatcher(
            folders: [configuration.content, configuration.templates],
            pollInterval: configuration.pollInterval, settleTime: configuration.settleTime,
            initial: BuildManifest.snapshot(of: [configuration.content, configuration.templates]),
            rebuild: rebuild,
            stopped: { gracefully in
                if gracefully { onEvent(.stopping) }
                await state.close()
            }
        )
        // The first build comes before the server listens, so that the first page asked for is there.
        await rebuild([])

        let quiet = Logger(label: "helpsite.preview") { _ in SwiftLogNoOpLogHandler() }
        let host = configuration.host
        let application = Application(
            responder: PreviewResponder(folder: SiteFolder(root: configuration.output), state: state),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onEvent(.listening("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"))
            },
            logger: quiet
        )
        // Services stop in the reverse order: the watcher first, which ends the event
        // streams, so that the server then finds no request still open.
        var group = ServiceGroupConfiguration(
            services: [application, watcher],
            gracefulShutdownSignals: configuration.stopsOnSignals ? [.sigint, .sigterm] : [],
            logger: quiet
        )
        group.maximumGracefulShutdownDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}
