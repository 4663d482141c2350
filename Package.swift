// swift-tools-version:6.2
import PackageDescription

// The commit `docgen --version` reports: scripts/package.sh sets DOCGEN_BUILD_COMMIT (an environment variable is
// part of SwiftPM's manifest cache key, unlike Context.gitInformation, so a new value is never stale). Only
// characters of a commit id are kept, so the value cannot break out of the C string.
let buildCommit: String = {
    let value = Context.environment["DOCGEN_BUILD_COMMIT"] ?? ""
    let allowed = Set("0123456789abcdefABCDEF-dirty")
    return !value.isEmpty && value.count <= 64 && value.allSatisfy(allowed.contains) ? value : "unknown"
}()

let package = Package(
    name: "docgen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "docgen", targets: ["docgen"]),
        .library(name: "DocgenBase", targets: ["DocgenBase"]),
        .library(name: "DocgenTokens", targets: ["DocgenTokens"]),
        .library(name: "DocgenGraph", targets: ["DocgenGraph"]),
        .library(name: "DocgenScanner", targets: ["DocgenScanner"]),
        .library(name: "DocgenTreeSitter", targets: ["DocgenTreeSitter"]),
        .library(name: "DocgenCore", targets: ["DocgenCore"]),
        .library(name: "DocgenCurl", targets: ["DocgenCurl"]),
        .library(name: "DocgenMarkdown", targets: ["DocgenMarkdown"]),
        .library(name: "DocgenGraphviz", targets: ["DocgenGraphviz"]),
        .library(name: "DocgenVerify", targets: ["DocgenVerify"]),
        .library(name: "DocgenConsole", targets: ["DocgenConsole"]),
        .library(name: "DocgenTestSupport", targets: ["DocgenTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Base: the seams and small shared utilities every other target may use (the NIOCore of docgen).
        // No package dependencies: ContentHash's SHA-256 is a page of Swift (swift-crypto would bring BoringSSL's
        // ~400 C/C++ files into every build).
        .target(name: "DocgenBase"),
        // Tokens: no package dependencies at all, so anyone can reuse the BPE engine.
        .target(name: "DocgenTokens", dependencies: ["DocgenBase"], resources: [.copy("Resources")]),
        // Graph: pure logic over the facts the scanner collects; no package dependencies, so core can use it
        // without the scanner.
        .target(name: "DocgenGraph", dependencies: ["DocgenBase"]),
        .target(
            name: "DocgenScanner",
            dependencies: [
                "DocgenBase",
                "DocgenGraph",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        .systemLibrary(name: "CTreeSitter", pkgConfig: "tree-sitter", providers: [.apt(["libtree-sitter-dev"])]),
        // Tree-sitter: the runtime links like curl; the grammars are one shared library loaded at run time.
        .target(name: "DocgenTreeSitter", dependencies: ["CTreeSitter", "DocgenGraph", "DocgenScanner"]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "CDocgenBuildInfo", cSettings: [.define("DOCGEN_BUILD_COMMIT", to: "\"\(buildCommit)\"")]),
        .target(
            name: "DocgenCore",
            dependencies: [
                "DocgenBase",
                "DocgenTokens",
                "DocgenGraph",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "DocgenCurl", dependencies: ["CCurl", "DocgenBase"]),
        .target(name: "DocgenMarkdown", dependencies: ["CCmark", "DocgenBase"]),
        .target(name: "DocgenGraphviz", dependencies: ["CGraphviz", "DocgenBase"]),
        // Verify: pure checks of generated pages against the scanner's facts (no C, no network).
        .target(name: "DocgenVerify", dependencies: ["DocgenBase", "DocgenCore"]),
        .target(
            name: "DocgenConsole",
            dependencies: ["DocgenCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "DocgenTestSupport", dependencies: ["DocgenBase", "DocgenTokens"]),
        .executableTarget(
            name: "docgen",
            dependencies: [
                "DocgenBase", "DocgenTokens", "DocgenGraph", "DocgenScanner", "DocgenTreeSitter", "DocgenCore",
                "DocgenCurl", "DocgenMarkdown", "DocgenGraphviz", "DocgenVerify", "DocgenConsole", "CDocgenBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DocgenBaseTests", dependencies: ["DocgenBase"]),
        .testTarget(name: "DocgenTestSupportTests", dependencies: ["DocgenTestSupport"]),
        .testTarget(
            name: "DocgenTokensTests", dependencies: ["DocgenTokens", "DocgenBase"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DocgenGraphTests", dependencies: ["DocgenGraph"]),
        .testTarget(
            name: "DocgenScannerTests", dependencies: ["DocgenScanner", "DocgenGraph"], resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DocgenTreeSitterTests", dependencies: ["DocgenTreeSitter", "DocgenScanner"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DocgenCoreTests",
            dependencies: [
                "DocgenBase", "DocgenCore", "DocgenGraph", "DocgenTokens", "DocgenTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(name: "DocgenCurlTests", dependencies: ["DocgenCurl", "DocgenBase", "DocgenTestSupport"]),
        .testTarget(
            name: "DocgenConsoleTests",
            dependencies: [
                "DocgenConsole", "DocgenCore", "DocgenTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "DocgenMarkdownTests", dependencies: ["DocgenMarkdown", "DocgenBase"]),
        .testTarget(
            name: "DocgenGraphvizTests", dependencies: ["DocgenGraphviz", "DocgenBase", "DocgenCore", "DocgenGraph"]
        ),
        .testTarget(
            name: "DocgenVerifyTests",
            dependencies: ["DocgenVerify", "DocgenCore", "DocgenScanner", "DocgenTreeSitter"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DocgenEndToEndTests",
            dependencies: [
                "docgen", "DocgenBase", "DocgenTestSupport", "DocgenCore", "DocgenCurl", "DocgenTokens",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Snapshots"]
        ),
    ]
)

for target in package.targets where [.regular, .test, .executable].contains(target.type) {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
