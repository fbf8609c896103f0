// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Trackway",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trackway", targets: ["trackway"]),
        // The fuzzers in Fuzz/ depend on this package by path, and a path dependency sees only products.
        .library(name: "TrackwayCore", targets: ["TrackwayCore"]),
        .library(name: "TrackwayXML", targets: ["TrackwayXML"]),
        .library(name: "TrackwayFormats", targets: ["TrackwayFormats"]),
        .library(name: "TrackwayXMLRPC", targets: ["TrackwayXMLRPC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird already brings swift-metrics and swift-atomics; swift-prometheus adds one small target.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Hummingbird's own, named (with Hummingbird's URL) so a gateway can shut down gracefully on request.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // System C libraries (Debian -dev packages).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // The domain: plain Sendable values, no I/O.
        .target(name: "TrackwayCore"),
        // The only code that touches libxml2 pointers.
        .target(name: "TrackwayXML", dependencies: ["CLibXML2"]),
        // WXR and Movable Type readers, WXR writer.
        .target(name: "TrackwayFormats", dependencies: ["TrackwayCore", "TrackwayXML", "CZlib"]),
        // The schema, migrations and every query, on SQLite or PostgreSQL (libpq); the writer's commit
        // sizes through swift-metrics' API.
        .target(name: "TrackwayStore", dependencies: ["TrackwayCore", "CSQLite3", "CLibPQ", .product(name: "CoreMetrics", package: "swift-metrics")]),
        // The import and export pipeline: exports (files or bytes) into the store, a site out as WXR.
        .target(name: "TrackwayPipeline", dependencies: ["TrackwayCore", "TrackwayFormats", "TrackwayStore"]),
        // XML-RPC values, parsing, responses, method registry.
        .target(name: "TrackwayXMLRPC", dependencies: ["TrackwayXML"]),
        // The HTTP application: TrackBack, Pingback, discovery, verification.
        .target(
            name: "TrackwayGateway",
            dependencies: [
                "TrackwayCore", "TrackwayXML", "TrackwayXMLRPC", "TrackwayStore", "CCurl", "CSodium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "trackway",
            dependencies: [
                "TrackwayCore", "TrackwayFormats", "TrackwayStore", "TrackwayPipeline", "TrackwayGateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // What several test targets share (temporary directories and stores, a local test site,
        // child processes, recorded WordPress answers); under Tests/ as it is test code only.
        .target(name: "TrackwayTesting", dependencies: ["TrackwayStore"], path: "Tests/TrackwayTesting"),

        .testTarget(name: "TrackwayCoreTests", dependencies: ["TrackwayCore"]),
        .testTarget(name: "TrackwayXMLTests", dependencies: ["TrackwayXML", "TrackwayTesting"]),
        .testTarget(name: "TrackwayFormatsTests", dependencies: ["TrackwayFormats", "TrackwayCore", "TrackwayXML", "TrackwayTesting"]),
        .testTarget(name: "TrackwayStoreTests", dependencies: ["TrackwayStore", "TrackwayCore", "TrackwayTesting"]),
        .testTarget(name: "TrackwayPipelineTests", dependencies: ["TrackwayPipeline", "TrackwayFormats", "TrackwayStore", "TrackwayCore", "TrackwayTesting"]),
        .testTarget(name: "TrackwayXMLRPCTests", dependencies: ["TrackwayXMLRPC", "TrackwayTesting"]),
        .testTarget(
            name: "TrackwayGatewayTests",
            dependencies: ["TrackwayGateway", "TrackwayStore", "TrackwayCore", "TrackwayXML", "TrackwayXMLRPC", "TrackwayTesting", "TrackwayFormats", "TrackwayPipeline"]
        ),
        .testTarget(name: "TrackwayCLITests", dependencies: ["TrackwayCore", "TrackwayPipeline", "TrackwayStore", "TrackwayTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
