/// Bounds the requests in flight: at most `total` at once, and at most
/// `perHost` to any one host. Waiters are served first come, first served,
/// skipping those whose host is still busy, so one slow host does not hold
/// up the others.
actor RequestLimiter {
    private let total: Int
    private let perHost: Int
    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []
    /// The most requests ever in flight at once, overall and per host: the tests read it.
    private(set) var peak = 0
    private(set) var peakPerHost = 0

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    func acquire(host: String) async {
        // Waiters ahead are all held by their own host's limit, so another host may go first.
        if canStart(host), !waiting.contains(where: { $0.host == host }) {
            start(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    func release(host: String) {
        running -= 1
        runningPerHost[host, default: 1] -= 1
        if runningPerHost[host] == 0 { runningPerHost[host] = nil }
        var index = 0
        while index < waiting.count, running < total {
            if canStart(waiting[index].host) {
                let next = waiting.remove(at: index)
                start(next.host)
                next.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func canStart(_ host: String) -> Bool {
        running < total && runningPerHost[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        running += 1
        runningPerHost[host, default: 0] += 1
        peak = max(peak, running)
        peakPerHost = max(peakPerHost, runningPerHost[host]!)
    }
}
