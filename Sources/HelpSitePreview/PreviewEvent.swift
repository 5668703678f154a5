import HelpSitePipeline

/// What the preview server tells whoever runs it; the command line prints these.
public enum PreviewEvent: Sendable {
    /// A build starts. `changed` names the files that changed; it is empty for the first build.
    case building(changed: [String])
    /// A build ended. A failed one does not stop the server: pages show its problems instead.
    case built(Pipeline.Outcome, elapsed: Duration)
    /// The server answers at this address (`http://127.0.0.1:8080/`).
    case listening(String)
    /// Ctrl-C or SIGTERM was received: open connections are being closed.
    case stopping
}
