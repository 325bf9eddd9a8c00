// A moderation pipeline embedding Netral: read posts as JSON Lines from standard input, evaluate
// them on every core, and route each one: flagged posts to a review queue (standard output, with the
// rule, severity and evidence), clean posts counted, unreadable records logged. Run it with
//   swift run EmbedInPipeline < Examples/data/posts.jsonl
import Foundation
import Netral

// 1. Load the rules once. The built-in pack, plus an office's own rules if a path is given.
var loader = RuleSetLoader()
loader.addDefaultPack()
if CommandLine.arguments.count > 1 { loader.addPack(at: URL(fileURLWithPath: CommandLine.arguments[1])) }
// Findings the pipeline's reviewers have already judged not to be violations, from its own store (here one,
// written out): they come back under `suppressed`, with the reason, instead of flagging the post again.
loader.suppressions = [
    Suppression(rule: "ASN.GESTUR.SIMBOL_JARI", post: "ex-014", reason: "concert photo, not a ballot number (review 4711)",
                location: SourceLocation(file: "review-db", line: 4711, column: 1)),
]
let engine: Engine
do {
    engine = try Engine(ruleSet: loader.load())
} catch {
    FileHandle.standardError.write(Data("rules did not load:\n\(error)\n".utf8))
    exit(2)
}

// 2. Stream records through the engine: chunks are evaluated in parallel, results come back in order.
var clean = 0, flagged = 0, unreadable = 0, setAside = 0
let records = JSONLinesReader(fileHandle: FileHandle.standardInput)
engine.evaluate(records: records) { _, output in
    switch output {
    case .error(let error):
        unreadable += 1
        FileHandle.standardError.write(Data("skipped line \(error.line): \(error.message)\n".utf8))
    case .result(_, let result) where !result.flagged:
        clean += 1
        setAside += result.suppressed.count
    case .result(_, let result):
        // 3. Route: only high and critical findings go to the urgent queue.
        flagged += 1
        setAside += result.suppressed.count
        let worst = result.findings.map(\.severity).max()!
        let queue = worst >= .high ? "urgent" : "review"
        for finding in result.findings {
            let quote = finding.evidence.map(\.text).joined(separator: " … ")
            print("[\(queue)] \(result.id) \(finding.ruleID) (\(finding.severity.rawValue), \(finding.confidence)): \(quote)")
        }
    }
}
FileHandle.standardError.write(Data("\(flagged) flagged, \(clean) clean, \(unreadable) unreadable, \(setAside) finding(s) set aside as reviewed\n".utf8))
