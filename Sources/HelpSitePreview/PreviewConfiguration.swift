/// What `helpsite serve` reads, where it builds, and where it listens.
public struct PreviewConfiguration: Sendable {
    public var content: String
    public var templates: String
    /// The folder the preview builds into and serves. Not `public/`: what the preview
    /// adds to pages must never reach the published site.
    public var output: String
    /// Loopback by default: a preview is for the person at this machine.
    public var host: String
    /// 0 lets the system pick a free port; the `listening` event gives the address.
    public var port: Int
    /// How often content/ and templates/ are looked at.
    public var pollInterval: Duration
    /// How long the files must stay as they are before a rebuild, so that an editor's
    /// several writes, or a `git checkout`, make one build.
    public var settleTime: Duration
    /// The helpsite executable, an input of every build (`Pipeline.generator`).
    public var generator: String?
    /// Stop gracefully on SIGINT and SIGTERM (the command line); off for a server run inside tests.
    public var stopsOnSignals: Bool

    public static let defaultOutput = ".helpsite-cache/preview"

    public init(
        content: String = "content", templates: String = "templates", output: String = PreviewConfiguration.defaultOutput,
        host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(300),
        settleTime: Duration = .milliseconds(150), generator: String? = nil, stopsOnSignals: Bool = false
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.settleTime = settleTime
        self.generator = generator
        self.stopsOnSignals = stopsOnSignals
    }
}
