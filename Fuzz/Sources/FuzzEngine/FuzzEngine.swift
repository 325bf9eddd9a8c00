import Foundation
@_spi(Fuzzing) import Netral

let engine = try! Engine.withDefaultRules()
/// The same rules with the prefilter off: every pattern run on every post.
let unfiltered: Engine = {
    var options = EngineOptions()
    options.prefilter = false
    return try! Engine.withDefaultRules(options: options)
}()
let normalizer = Normalizer()

/// Any text through the normaliser and the default pack: the view writer gives the general
/// path's view and map whenever it does not give up, offsets stay inside the original text,
/// evidence quotes it exactly, and the prefilter (atoms, their word bounds, filters, anchored
/// confirmation) changes no finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let paths = normalizer.viewsByBothPaths(text)
    if let direct = paths.direct { precondition(direct == paths.general, "the view writer and the general path differ") }
    let normalized = normalizer.normalize(text)
    let count = text.utf8.count
    let n = normalized.text.utf8.count
    for start in stride(from: 0, to: n, by: max(1, n / 16)) {
        let range = normalized.originalRange(of: start..<min(n, start + 3))
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "offset outside the original")
    }
    if let leet = normalizer.leetView(of: normalized) {
        precondition(leet.originalRange(of: 0..<leet.text.utf8.count).upperBound <= count)
    }
    let post = Post(id: "f", text: text, target: Post.Target(text: text))
    let result = engine.evaluate(post)
    precondition(result.findings == unfiltered.evaluate(post).findings, "the prefilter changed the findings")
    let scalars = Array(text.unicodeScalars)
    for finding in result.findings {
        for e in finding.evidence where e.field == "text" {
            precondition(e.start <= e.end && e.end <= scalars.count, "evidence outside the text")
            precondition(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text, "evidence does not quote the text")
        }
    }
    return 0
}
