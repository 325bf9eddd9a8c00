import FuzzSupport

// SwiftPM links an executable's entry point as FuzzPostReader_main.
@_cdecl("FuzzPostReader_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzPostReader(data, size) }
}
