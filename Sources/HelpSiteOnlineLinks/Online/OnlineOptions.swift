/// How `helpsite links --online` treats the servers it asks. The defaults suit
/// a release check of a few hundred external addresses.
public struct OnlineOptions: Sendable {
    /// The longest one request may take, from sending it until the last byte read of its body.
    public var timeout: Duration = .seconds(10)
    /// Further tries after a timeout, a 5xx answer or a 429.
    public var retries = 2
    /// The wait before the first retry; it doubles for each next one.
    public var backoff: Duration = .milliseconds(500)
    /// The longest wait a `Retry-After` may ask for; a longer one is cut to this.
    public var maximumRetryAfter: Duration = .seconds(30)
    public var maximumRedirects = 10
    /// Requests in flight at once, over all hosts.
    public var concurrency = 16
    /// Requests in flight at once to one host, so that no server sees a burst.
    public var concurrencyPerHost = 2
    /// Bytes of a body read at most (after a GET); the rest is never downloaded.
    public var maximumBodyBytes = 64 * 1024
    /// Bytes of an outside organisation's page read at most (`outside_facts:`), for its facts.
    public var maximumPageBytes = 2 * 1024 * 1024
    public var userAgent = "helpsite-links/1.0 (link check of a HelpSite help site)"
    /// The cache file (`.helpsite-cache/links.json` beside public/), or nil for no cache.
    public var cacheFile: String?
    /// How long a good result stays good; 0 asks again every time.
    public var cacheTTL: Duration = .seconds(24 * 3600)

    public init() {}
}

/// Where the online check is, for a progress line.
public struct LinkProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    /// The URL that just finished.
    public var url: String

    public init(done: Int, total: Int, url: String) {
        self.done = done
        self.total = total
        self.url = url
    }
}
