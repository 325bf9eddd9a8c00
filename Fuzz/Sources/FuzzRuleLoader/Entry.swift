import FuzzSupport

// SwiftPM links an executable's entry point as FuzzRuleLoader_main.
@_cdecl("FuzzRuleLoader_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzRuleLoader(data, size) }
}
