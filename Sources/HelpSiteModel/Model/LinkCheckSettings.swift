/// `link_check:` in `content/site.yaml`: what `helpsite links` leaves alone.
///
/// ```yaml
/// link_check:
///   exclude:
///     - ^https://www\.linkedin\.com/      # refuses robots
///     - example\.com
/// ```
public struct LinkCheckSettings: Sendable {
    /// Regular expressions; a link whose address any of them matches (anywhere
    /// in it, as lychee does) is reported as skipped, never checked.
    public var exclude: [Located<String>]

    public init(exclude: [Located<String>] = []) {
        self.exclude = exclude
    }
}
