// swift-tools-version:6.0
import PackageDescription

// One target per stage of the pipeline; an arrow only ever points to an earlier
// stage, so the compiler refuses one that runs backwards (docs/architecture.md).
// Built and tested on Linux (Debian 12, Swift 6.3) only, so no platform is declared.
// The stages are separate modules: without cross-module optimisation a generic helper of the
// model (`concurrentMap`, `Located`) is called unspecialised from every stage, which cost the
// 1,000-page build 7% (docs/performance.md).
let stage: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "HelpSite",
    products: [
        .executable(name: "helpsite", targets: ["HelpSiteCLI"]),
        .library(name: "HelpSitePipeline", targets: ["HelpSitePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // C libraries and shims, each behind one Swift file that imports it.
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libyaml-dev: the content files' YAML, read as events (HelpSiteContent/YAMLParser.swift).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Debian's libstemmer-dev (Snowball 2.2): the search index's stemmers (HelpSiteSearch/Stemmer.swift).
        // It ships no pkg-config file, so the module map names the library.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // renameat2(RENAME_EXCHANGE), which Glibc's Swift overlay does not expose.
        .target(name: "CAtomicSwap"),
        // Lets cmark-gfm parse on several threads at once: see special_characters.c.
        .target(name: "CCmarkConcurrency", linkerSettings: [.linkedLibrary("dl")]),

        // The stages, earliest first.
        // Values every stage shares: the site, its pages and facts, diagnostics, file primitives.
        .target(name: "HelpSiteModel", dependencies: ["CAtomicSwap"], swiftSettings: stage),
        // Markdown → HTML, links and inline text; the one place that touches cmark-gfm.
        .target(name: "HelpSiteMarkdown", dependencies: ["HelpSiteModel", "CCmarkGFM", "CCmarkConcurrency"], swiftSettings: stage),
        // content/ on disk → a `Site`, with every problem at file:line:column.
        .target(name: "HelpSiteContent", dependencies: ["HelpSiteModel", "CYAML"], swiftSettings: stage),
        // A `Site` → the cross-language findings.
        .target(name: "HelpSiteCheck", dependencies: ["HelpSiteModel", "HelpSiteMarkdown"], swiftSettings: stage),
        // A `Site` and the templates → output files.
        .target(name: "HelpSiteRender", dependencies: ["HelpSiteModel", "HelpSiteMarkdown"], swiftSettings: stage),
        // Loaded pages → the search index of each language (docs/reference/search-index.md).
        .target(name: "HelpSiteSearch", dependencies: ["HelpSiteModel", "HelpSiteMarkdown", "CStemmer"], swiftSettings: stage),
        // Output files → the published folder, swapped in atomically; what the last build wrote.
        .target(name: "HelpSitePublish", dependencies: ["HelpSiteModel", "CAtomicSwap"], swiftSettings: stage),
        // The built folder → broken links, offline.
        .target(name: "HelpSiteLinks", dependencies: ["HelpSiteModel", "HelpSiteMarkdown", "HelpSiteContent"], swiftSettings: stage),
        // External addresses over HTTP, and the release check that composes both: the only
        // target that links the HTTP client.
        .target(name: "HelpSiteOnlineLinks", dependencies: [
            "HelpSiteModel", "HelpSiteLinks",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: stage),
        // Translation status, acceptance, XLIFF, a new language.
        .target(name: "HelpSiteTranslation", dependencies: ["HelpSiteModel", "HelpSiteContent"], swiftSettings: stage),
        // The one path through the stages for check, build and serve.
        .target(name: "HelpSitePipeline", dependencies: [
            "HelpSiteModel", "HelpSiteMarkdown", "HelpSiteContent", "HelpSiteCheck", "HelpSiteRender",
            "HelpSitePublish", "HelpSiteTranslation", "HelpSiteSearch",
        ], swiftSettings: stage),
        // The `helpsite serve` preview server.
        .target(
            name: "HelpSitePreview",
            dependencies: [
                "HelpSiteModel", "HelpSitePublish", "HelpSitePipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "HelpSiteCLI",
            dependencies: [
                "HelpSiteModel", "HelpSiteContent", "HelpSiteCheck", "HelpSiteLinks", "HelpSiteOnlineLinks",
                "HelpSiteTranslation", "HelpSitePipeline", "HelpSitePreview", "HelpSiteSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian libjemalloc-dev) in place of glibc's malloc, for the command only:
            // a cold build of 10,000 pages took 30 % less processor time
            // (docs/decisions/0009-jemalloc.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Tests in layers (docs/testing.md). What the layers share: temporary folders, the
        // fixtures' place, running the built binary, loopback servers.
        .target(
            name: "HelpSiteTestSupport",
            dependencies: [
                "HelpSiteModel", "HelpSiteMarkdown", "HelpSiteContent", "HelpSiteCheck", "HelpSiteRender", "HelpSitePublish",
                "HelpSiteLinks", "HelpSiteOnlineLinks", "HelpSiteTranslation", "HelpSitePipeline", "HelpSitePreview",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/HelpSiteTestSupport"
        ),
        // The core layer: values in, values out. No process, no root, no network, no server.
        .testTarget(
            name: "HelpSiteCoreTests",
            dependencies: [
                "HelpSiteTestSupport", "HelpSiteModel", "HelpSiteMarkdown", "HelpSiteContent", "HelpSiteCheck",
                "HelpSiteRender", "HelpSitePublish", "HelpSiteLinks", "HelpSiteOnlineLinks", "HelpSiteTranslation",
                "HelpSitePipeline", "HelpSiteSearch",
            ]
        ),
        // The command layer: the built `helpsite` run as a process.
        .testTarget(
            name: "HelpSiteCommandTests",
            dependencies: ["HelpSiteTestSupport", "HelpSiteCLI", "HelpSiteModel", "HelpSiteContent", "HelpSiteTranslation", "HelpSitePipeline"]
        ),
        // The system layer: root, nginx, lychee and servers on the loopback address. Each
        // test says what it needs; outside `.ci/test` a test whose tool is missing is skipped.
        .testTarget(
            name: "HelpSiteSystemTests",
            dependencies: [
                "HelpSiteTestSupport", "HelpSiteCLI", "HelpSiteModel", "HelpSiteContent", "HelpSiteLinks",
                "HelpSiteOnlineLinks", "HelpSitePipeline", "HelpSitePreview",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets for libFuzzer, seen only when `.ci/fuzz` builds them (HELPSITE_FUZZ=1, with
// --sanitize fuzzer in .build-fuzz): libFuzzer supplies their main, so an ordinary
// `swift build` or `swift test` must not try to link them.
if Context.environment["HELPSITE_FUZZ"] != nil {
    package.targets += ["LoaderFuzzer", "NormaliserFuzzer"].map {
        .executableTarget(name: $0, dependencies: ["HelpSiteModel", "HelpSiteContent", "HelpSiteCheck"], path: "Fuzz/\($0)")
    }
}
