import Foundation
import Netral

/// Any bytes as a rule file: loading must end in a rule set or a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var loader = RuleSetLoader()
    loader.addSource(text, name: "fuzz.yml")
    do {
        let set = try loader.load()
        _ = try? Engine(ruleSet: set).evaluate(Post(id: "1", text: "ayo coblos 02"))
    } catch let error as RuleLoadError {
        precondition(!error.errors.isEmpty, "a failed load must say why")
    } catch {}
    return 0
}
