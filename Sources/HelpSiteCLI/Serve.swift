import ArgumentParser
import Foundation
import HelpSitePreview

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser, rebuilt and reloaded as you edit.",
        discussion: """
            Builds the site as `helpsite build` does, but into a preview folder \
            (.helpsite-cache/preview/, never public/), serves it on 127.0.0.1, and \
            watches content/ and templates/. When a file is saved the site is built \
            again and the open pages reload by themselves.

            If the content has errors, the server keeps running: every page shows \
            the problems, with file, line and column, until the files are fixed. \
            Only files inside the preview folder are served; an unknown address \
            gets the site's 404 page. Ctrl-C stops the server (exit status 0).

            Examples:
              helpsite serve                          http://127.0.0.1:8080/
              helpsite serve --port 0                 any free port; the address is printed
              helpsite serve --host 0.0.0.0           open to other machines too
              helpsite serve --content ../bank/content
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to build the preview into.", valueName: "dir"))
    var output = PreviewConfiguration.defaultOutput

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        let server = PreviewServer(configuration: PreviewConfiguration(
            content: project.content, templates: project.templates, output: output,
            host: host, port: port, generator: Bundle.main.executablePath, stopsOnSignals: true
        ))
        let output = output
        let result = Blocking.run { try await server.run { Serve.show($0, output: output) } }
        if case .failure(let error) = result {
            Terminal.error("cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
        Serve.say("Stopped.")
    }

    /// Each event as one line, written at once: the output may be a pipe that a script reads.
    static func show(_ event: PreviewEvent, output: String) {
        switch event {
        case .building(let changed) where !changed.isEmpty:
            let names = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            say("Changed: \(names)")
        case .building:
            break
        case .built(.upToDate, _):
            say("\(output)/ is up to date")
        case .built(.built(let summary), let elapsed):
            if !summary.warnings.isEmpty {
                Terminal.report(summary.warnings, summary: "\(Terminal.counts(summary.warnings)): building anyway")
            }
            say(Build.line(summary, into: output, milliseconds: Terminal.milliseconds(elapsed)))
        case .built(.failed(let problems), _):
            Terminal.report(problems, summary: "\(Terminal.counts(problems)): the preview shows them until they are fixed")
        case .listening(let url):
            say("Serving the preview at \(url) (Ctrl-C stops)")
        case .stopping:
            say("Stopping...")
        }
    }

    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Runs async work from a synchronous command and waits for it. The main thread only
/// waits; the work runs on Swift's concurrency threads, and signals arrive on a queue of their own.
enum Blocking {
    static func run(_ work: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
        let box = ResultBox()
        Task {
            do {
                try await work()
                box.finish(.success(()))
            } catch {
                box.finish(.failure(error))
            }
        }
        return box.wait()
    }

    private final class ResultBox: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<Void, any Error> = .success(())

        func finish(_ result: Result<Void, any Error>) {
            self.result = result
            done.signal()
        }

        func wait() -> Result<Void, any Error> {
            done.wait()
            return result
        }
    }
}
