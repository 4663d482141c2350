// swift-tools-version:6.2
import PackageDescription

// Benchmarks stay out of `swift test`: this package depends on docgen by path and is built in release by
// scripts/bench-ratelimit.sh and scripts/bench-tokens.sh with their own scratch path.
let package = Package(
    name: "docgen-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "docgen", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "RateLimitBenchmark",
            dependencies: [
                .product(name: "DocgenCore", package: "docgen"),
                .product(name: "DocgenCurl", package: "docgen"),
                .product(name: "DocgenTestSupport", package: "docgen"),
                .product(name: "DocgenTokens", package: "docgen"),
            ]
        ),
        // Depends on the token library only, so building it never compiles swift-syntax, libcurl or cmark.
        .executableTarget(
            name: "TokenBenchmark",
            dependencies: [.product(name: "DocgenTokens", package: "docgen")]
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
