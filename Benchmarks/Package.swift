// swift-tools-version: 6.0
// The benchmark lives in its own package so that Vectorscan (the ceiling it measures against) is
// needed only here. Run it with:  bash scripts/bench.sh   (see Benchmarks/README.md)
import PackageDescription

let package = Package(
    name: "NetralBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "netral-root")],
    targets: [
        .systemLibrary(name: "CHyperscan", pkgConfig: "libhs", providers: [.apt(["libvectorscan-dev"])]),
        .executableTarget(
            name: "NetralBench",
            dependencies: [.product(name: "Netral", package: "netral-root"), .product(name: "PCRE2", package: "netral-root"), "CHyperscan"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
