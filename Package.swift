// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Netral",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Netral", targets: ["Netral"]),
        .library(name: "PCRE2", targets: ["PCRE2"]),
        .executable(name: "netral", targets: ["netral"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The C library and nothing else: PCRE2 8-bit through pkg-config / Debian's libpcre2-dev.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // The only Swift code that touches the C API.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // The library: posts, normalisation, rules, engine, reports.
        .target(
            name: "Netral",
            dependencies: ["PCRE2", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRulePack"]
        ),
        // Build-time tool that turns rules/ into Swift source, so the default pack is embedded.
        .executableTarget(name: "EmbedRules", path: "Sources/EmbedRules"),
        .plugin(name: "EmbedRulePack", capability: .buildTool(), dependencies: ["EmbedRules"]),
        // The example command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "netral",
            dependencies: ["Netral", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/netral"
        ),
        // A moderation pipeline embedding the library, in a few dozen lines.
        .executableTarget(name: "EmbedInPipeline", dependencies: ["Netral"], path: "Examples/EmbedInPipeline"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        // The development set is read from the package root by path, not as a bundled resource.
        .testTarget(name: "NetralTests", dependencies: ["Netral"], exclude: ["Resources"]),
        // Runs the built `netral` executable end to end on every sample format.
        .testTarget(name: "NetralToolTests", dependencies: ["netral"]),
    ],
    swiftLanguageModes: [.v6]
)
