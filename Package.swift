// swift-tools-version: 6.0
import PackageDescription
import Foundation

/// `TIMELINE_SANITIZE=address|thread` (set by scripts/sanitize) instruments
/// Timeline's own targets and links the sanitizer's runtime, while the
/// dependencies keep their plain build: `swift build --sanitize` would rebuild
/// SwiftNIO and Hummingbird for each sanitizer, minutes CI does not have.
let sanitizer = ProcessInfo.processInfo.environment["TIMELINE_SANITIZE"].flatMap { $0.isEmpty ? nil : $0 }
let sanitizedSwift: [SwiftSetting] = sanitizer.map { [.unsafeFlags(["-sanitize=\($0)"])] } ?? []
let sanitizedC: [CSetting] = sanitizer.map { [.unsafeFlags(["-fsanitize=\($0)"])] } ?? []
let sanitizedLink: [LinkerSetting] = sanitizer.map { [.unsafeFlags(["-sanitize=\($0)"])] } ?? []

let package = Package(
    name: "Timeline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "timeline", targets: ["timeline"]),
        .library(name: "TimelineKit", targets: ["TimelineKit"]),
        // The libFuzzer target; scripts/fuzz builds it with -sanitize=fuzzer,address.
        .executable(name: "timeline-fuzz", targets: ["timeline-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CFileSwap", cSettings: sanitizedC),
        // libvips, for the images under Content/media/, and the few calls
        // Timeline makes of it without C's variadic arguments.
        .systemLibrary(
            name: "CLibVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "CVips", dependencies: ["CLibVips"], cSettings: sanitizedC),
        // libxml2's HTML parser, for tests that read built pages as a browser would.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "TimelineKit",
            dependencies: [
                "CCmark",
                "CFileSwap",
                "CVips",
                "TimelineTemplates",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: sanitizedSwift
        ),
        // The live preview server, kept apart so the generator has no server dependencies.
        .target(
            name: "TimelineServer",
            dependencies: [
                "TimelineKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sanitizedSwift
        ),
        .executableTarget(
            name: "timeline",
            dependencies: [
                "TimelineKit",
                "TimelineServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
        // The Mustache engine: templates compiled once, rendered against typed values into bytes.
        .target(
            name: "TimelineTemplates",
            swiftSettings: sanitizedSwift
        ),
        // Checks the engine byte for byte against swift-mustache, its reference (test-only).
        .testTarget(
            name: "TimelineTemplatesTests",
            dependencies: [
                "TimelineTemplates",
                // The shipped templates over real pages, and the template reference.
                "TimelineKit",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
        .testTarget(
            name: "TimelineKitTests",
            dependencies: ["TimelineKit"],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["timeline", "TimelineKit", "TimelineServer", "CLibXML2"],
            exclude: ["Fixtures"],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
        // Fuzzing (scripts/fuzz): the harness, libFuzzer's entry point, and the
        // replay of the seed corpus and of every crash found (Fuzz/).
        .target(
            name: "TimelineFuzzing",
            dependencies: ["TimelineKit"],
            swiftSettings: sanitizedSwift
        ),
        .executableTarget(
            name: "timeline-fuzz",
            dependencies: ["TimelineFuzzing"],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["TimelineFuzzing"],
            swiftSettings: sanitizedSwift,
            linkerSettings: sanitizedLink
        ),
    ]
)
