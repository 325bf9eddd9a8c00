// swift-tools-version: 6.0
// libFuzzer targets for the rule loader, the post readers and the normaliser + engine.
// Build and run with:  bash scripts/fuzz.sh [target] [seconds]   (see Fuzz/README.md)
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzLinker: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "NetralFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "netral-root")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]),
        .executableTarget(name: "FuzzRuleLoader", dependencies: ["FuzzSupport", .product(name: "Netral", package: "netral-root")],
                          swiftSettings: fuzzSettings, linkerSettings: fuzzLinker),
        .executableTarget(name: "FuzzPostReader", dependencies: ["FuzzSupport", .product(name: "Netral", package: "netral-root")],
                          swiftSettings: fuzzSettings, linkerSettings: fuzzLinker),
        .executableTarget(name: "FuzzEngine", dependencies: ["FuzzSupport", .product(name: "Netral", package: "netral-root")],
                          swiftSettings: fuzzSettings, linkerSettings: fuzzLinker),
    ],
    swiftLanguageModes: [.v6]
)
