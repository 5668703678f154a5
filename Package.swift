// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "HelpSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpsite", targets: ["HelpSiteCLI"]),
        .library(name: "HelpSiteCore", targets: ["HelpSiteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE), which Glibc's Swift overlay does not expose.
        .target(name: "CAtomicSwap"),
        // Lets cmark-gfm parse on several threads at once: see special_characters.c.
        .target(name: "CCmarkConcurrency", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "HelpSiteCore",
            dependencies: [
                "CCmarkGFM",
                "CAtomicSwap",
                "CCmarkConcurrency",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The `helpsite serve` preview server, kept out of the core.
        .target(
            name: "HelpSitePreview",
            dependencies: [
                "HelpSiteCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "HelpSiteCLI",
            dependencies: [
                "HelpSiteCore",
                "HelpSitePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HelpSiteCoreTests",
            dependencies: [
                "HelpSiteCore", "HelpSiteCLI", "HelpSitePreview",
                // The loopback HTTP server the online link tests run against.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets for libFuzzer, seen only when `.ci/fuzz` builds them (HELPSITE_FUZZ=1, with
// --sanitize fuzzer in .build-fuzz): libFuzzer supplies their main, so an ordinary
// `swift build` or `swift test` must not try to link them.
if Context.environment["HELPSITE_FUZZ"] != nil {
    package.targets += ["LoaderFuzzer", "NormaliserFuzzer"].map {
        .executableTarget(name: $0, dependencies: ["HelpSiteCore"], path: "Fuzz/\($0)")
    }
}
