// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over Trackway's parsers of untrusted input. Not part of the main build or CI:
// `Fuzz/run.sh` builds them with `-sanitize=fuzzer` and runs them (see the README's Fuzzing section).
let package = Package(
    name: "TrackwayFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Trackway", path: ".."),
    ],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        // What the fuzzers share: starting libFuzzer.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(
            name: "FuzzWXRReader",
            dependencies: ["FuzzSupport", .product(name: "TrackwayFormats", package: "Trackway")]
        ),
        .executableTarget(
            name: "FuzzMTReader",
            dependencies: ["FuzzSupport", .product(name: "TrackwayFormats", package: "Trackway")]
        ),
        .executableTarget(
            name: "FuzzXMLRPCRequest",
            dependencies: ["FuzzSupport", .product(name: "TrackwayXMLRPC", package: "Trackway")]
        ),
        .executableTarget(
            // The gateway's form decoder, linked in from ../Sources/TrackwayGateway (symlinks, not
            // copies) so this fuzzer builds without Hummingbird and SwiftNIO.
            name: "FuzzTrackbackForm",
            dependencies: [
                "FuzzSupport", .product(name: "TrackwayCore", package: "Trackway"), .product(name: "TrackwayXML", package: "Trackway"),
            ]
        ),
        .executableTarget(
            name: "FuzzHTMLLinkScanner",
            dependencies: ["FuzzSupport", .product(name: "TrackwayXML", package: "Trackway")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
