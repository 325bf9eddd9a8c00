import FuzzSupport

// SwiftPM links an executable's entry point as FuzzEngine_main.
@_cdecl("FuzzEngine_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzEngine(data, size) }
}
