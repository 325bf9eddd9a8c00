// Netral benchmark, built in release: the modes are in `usage` below, the figures in Benchmarks/README.md.
import Foundation
import Netral
import PCRE2

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
    return kib / 1024
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}

func engine(_ set: RuleSet, threads: Int, prefilter: Bool = true) throws -> Engine {
    var options = EngineOptions()
    options.threads = threads
    options.prefilter = prefilter
    options.chunkSize = option("--chunk", 4096)
    return try Engine(ruleSet: set, options: options)
}

/// Checks JSON Lines end to end: read, evaluate, write results (to a byte counter).
func endToEnd(_ engine: Engine, read: @escaping () -> Data?) -> (records: Int, outputBytes: Int) {
    var outputBytes = 0
    var records = 0
    // Result lines are formatted on the workers, as `netral check --format jsonl` does.
    engine.evaluate(records: JSONLinesReader(maxRecordBytes: 16 << 20, read: read), transform: { ResultJSON.line(for: $1, newline: true) }) { _, _, line in
        records += 1
        outputBytes += line.utf8.count
    }
    return (records, outputBytes)
}

func chunks(of data: Data, size: Int = 1 << 20) -> () -> Data? {
    var offset = 0
    return {
        guard offset < data.count else { return nil }
        let end = min(data.count, offset + size)
        defer { offset = end }
        return data.subdata(in: offset..<end)
    }
}

/// The length in bytes of the first `lines` lines of `data` (all of it when it has fewer).
func prefixLength(lines: Int, of data: Data) -> Int {
    data.withUnsafeBytes { bytes in
        var seen = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == lines { return offset + 1 }
        }
        return bytes.count
    }
}

func rate(_ n: Int, _ s: Double) -> String { String(format: "%9.0f", Double(n) / s) }

/// The modes and their arguments, for `--help` and for a mode given too few.
let usage = """
    usage: NetralBench [--posts N] [--baseline-posts N] [--scales 1,10,50] [--pairs K] [--paired-posts N] [--paired-e2e-posts N]
           NetralBench write-file PATH [GIB]          a JSON Lines file of generated posts (default 2 GiB)
           NetralBench stream PATH [--threads N]      checks it end to end: throughput and peak memory
           NetralBench phases [--posts N]             where the engine's time goes; PCRE2 searches a post
           NetralBench patterns [--posts N] [--top N] every distinct pattern of the default pack, timed
           NetralBench profile [--flagged | --all] [--normalize | --e2e | --read | --write] [--no-prefilter] [--rounds N] [--posts N]
    Every mode takes --chunk N (EngineOptions.chunkSize). See Benchmarks/README.md.
    """

let args = CommandLine.arguments
if args.contains("--help") || args.contains("-h") {
    print(usage)
    exit(0)
}
/// The path argument of a mode that needs one (`write-file PATH`), or the usage and exit status 2.
func pathArgument() -> String {
    guard args.count > 2, !args[2].hasPrefix("-") else {
        FileHandle.standardError.write(Data("NetralBench \(args[1]): missing PATH\n\(usage)\n".utf8))
        exit(2)
    }
    return args[2]
}
if args.count > 1, args[1] == "write-file" {
    let path = pathArgument(), gib = args.count > 3 ? Double(args[3]) ?? 2 : 2
    let (_, sample) = Corpus.make(count: 100_000, seed: 7)
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
        print("cannot create \(path): check the folder exists and is writable")
        exit(2)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written = 0
    while Double(written) < gib * 1_073_741_824 {
        handle.write(sample)
        written += sample.count
    }
    try handle.close()
    print("wrote \(written) bytes to \(path)")
    exit(0)
}
if args.count > 1, args[1] == "stream" {
    let path = pathArgument()
    let e = try engine(try ScaledRules.ruleSet(factor: 1), threads: option("--threads", 2))
    guard let handle = FileHandle(forReadingAtPath: path) else {
        FileHandle.standardError.write(Data("NetralBench stream: cannot read \(path): write it first with NetralBench write-file \(path)\n".utf8))
        exit(2)
    }
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    var result = (records: 0, outputBytes: 0)
    let t = seconds { result = endToEnd(e, read: { try? handle.read(upToCount: 1 << 20) }) }
    print(String(format: "stream: %d records, %.0f MB in %.1f s: %.0f posts/s, %.1f MB/s; peak resident memory %.0f MiB",
                 result.records, Double(size) / 1e6, t, Double(result.records) / t, Double(size) / 1e6 / t, peakRSSMiB()))
    exit(0)
}

if args.count > 1, args[1] == "patterns" {
    // The most expensive distinct patterns of the default pack, each run over every normalised post.
    let (posts, _) = Corpus.make(count: option("--posts", 2000))
    let normalizer = Normalizer()
    let texts = posts.map { normalizer.normalize($0.text).text }
    let e = try engine(try ScaledRules.ruleSet(factor: 1), threads: 1)
    var costs: [(Double, Int, String)] = []
    let matcher = PCRE2Matcher()
    let anchoredSources = Set(e.anchoredPatternSources)
    for source in Set(e.compiledPatternSources) {
        // --variant: measure what a rewrite would save (results then differ; for exploration only).
        var source = source
        if args.contains("--no-lookbehind") { source = source.replacingOccurrences(of: "(?<![\\p{L}\\p{N}_])", with: "") }
        if args.contains("--ascii-boundary") { source = source.replacingOccurrences(of: "(?<![\\p{L}\\p{N}_])", with: "(?<![a-z0-9_\\x80-\\x{10FFFF}])") }
        let regex = try PCRE2Regex(source, options: .caseless)
        var found = 0
        let t = seconds { for text in texts { found += (try? matcher.matches(of: regex, in: text).count) ?? 0 } }
        costs.append((t / Double(texts.count) * 1e6, found, (anchoredSources.contains(source) ? "[anchored] " : "") + source))
    }
    costs.sort { $0.0 > $1.0 }
    print(String(format: "all %d distinct patterns (%d anchored) on every post, unanchored: %.1f µs/post", costs.count, anchoredSources.count, costs.map(\.0).reduce(0, +)))
    for (us, found, source) in costs.prefix(option("--top", 12)) {
        print(String(format: "%7.2f µs/post %6d matches  %@", us, found, String(source.prefix(150))))
    }
    exit(0)
}

if args.count > 1, args[1] == "profile" {
    // A loop for a profiler (perf record): evaluates the clean (or, with --flagged, the flagged;
    // with --all, every) post again and again; with --no-prefilter, every pattern on every post.
    let (posts, jsonl) = Corpus.make(count: option("--posts", 20_000))
    let e = try engine(try ScaledRules.ruleSet(factor: 1), threads: 1, prefilter: !args.contains("--no-prefilter"))
    if args.contains("--e2e") {
        // End to end on one thread: JSON Lines in, result lines out.
        let t = (0..<option("--rounds", 5)).map { _ in seconds { _ = endToEnd(e, read: chunks(of: jsonl)) } }.min()!
        print(String(format: "end to end, %d posts, best of %d rounds: %.1f µs/post", posts.count, option("--rounds", 5), t / Double(posts.count) * 1e6))
        exit(0)
    }
    if args.contains("--read") {
        // Reading the JSON Lines into posts alone.
        var count = 0
        let t = (0..<option("--rounds", 5)).map { _ in seconds { for record in JSONLinesReader(data: jsonl) { if case .success = record.post { count += 1 } } } }.min()!
        print(String(format: "reading posts, %d posts, best of %d rounds: %.2f µs/post (%d read)", posts.count, option("--rounds", 5), t / Double(posts.count) * 1e6, count))
        exit(0)
    }
    let all = args.contains("--all")
    // The results choose the clean or flagged posts, and give the result lines to write. With --all,
    // every evaluation is a timed round's, which scripts/instructions.sh counts.
    let results = all && !args.contains("--write") ? [] : e.evaluate(posts)
    if args.contains("--write") {
        // Writing the result lines alone, for every post.
        let outputs = results.enumerated().map { BatchOutput.result(line: $0.offset + 1, $0.element) }
        var bytes = 0
        let t = (0..<option("--rounds", 5)).map { _ in seconds { for o in outputs { bytes &+= ResultJSON.line(for: o).utf8.count } } }.min()!
        print(String(format: "writing result lines, %d posts, best of %d rounds: %.2f µs/post (%d bytes)", posts.count, option("--rounds", 5), t / Double(posts.count) * 1e6, bytes))
        exit(0)
    }
    let wanted = args.contains("--flagged")
    let chosen = all ? posts : zip(posts, results).filter { $0.1.flagged == wanted && $0.1.errors.isEmpty }.map(\.0)
    let rounds = option("--rounds", 5)
    print("plan:", e.planSummary.patterns, "patterns,", e.planSummary.atoms, "atoms,", e.planSummary.automatonBytes / 1024, "KiB automaton")
    if args.contains("--normalize") {
        // The normaliser alone, on every field of the chosen posts (with the leetspeak view where there is one).
        let normalizer = Normalizer()
        var bytes = 0, count = 0
        let t = (0..<rounds).map { _ in seconds {
            for p in chosen {
                for f in Field.allCases {
                    for v in p.values(of: f) {
                        let n = normalizer.normalize(v.text)
                        bytes &+= n.text.utf8.count
                        count += 1
                        if let l = normalizer.leetView(of: n) { bytes &+= l.text.utf8.count }
                    }
                }
            }
        } }.min()!
        print(String(format: "normalising: %.2f µs/post, %.2f µs/text (%d texts, %d bytes)", t / Double(chosen.count) * 1e6, t / Double(count) * 1e6 * Double(rounds), count / rounds, bytes / rounds))
        exit(0)
    }
    let t = (0..<rounds).map { _ in seconds { _ = e.evaluate(chosen) } }.min()!  // the least disturbed round
    print(String(format: "%d %@ posts, best of %d rounds: %.1f µs/post", chosen.count, all ? "(all)" : wanted ? "flagged" : "clean", rounds, t / Double(chosen.count) * 1e6))
    exit(0)
}

if args.count > 1, args[1] == "phases" {
    // Where the engine's time goes: normalising every field alone, against the whole evaluation.
    let (posts, _) = Corpus.make(count: option("--posts", 20_000))
    let normalizer = Normalizer()
    var bytes = 0
    let tn = (0..<3).map { _ in seconds {
        for p in posts {
            for f in Field.allCases {
                for v in p.values(of: f) {
                    let n = normalizer.normalize(v.text)
                    bytes += n.text.utf8.count
                    if let l = normalizer.leetView(of: n) { bytes += l.text.utf8.count }
                }
            }
        }
    } }.min()!
    let e = try engine(try ScaledRules.ruleSet(factor: 1), threads: 1)
    let te = (0..<3).map { _ in seconds { _ = e.evaluate(posts) } }.min()!  // the least disturbed of three runs
    // Clean posts (most of a real stream) against flagged ones.
    let results = e.evaluate(posts)
    let clean = zip(posts, results).filter { !$0.1.flagged && $0.1.errors.isEmpty }.map(\.0)
    let flaggedPosts = zip(posts, results).filter { $0.1.flagged }.map(\.0)
    let tc = (0..<3).map { _ in seconds { _ = e.evaluate(clean) } }.min()!
    let tf = (0..<3).map { _ in seconds { _ = e.evaluate(flaggedPosts) } }.min()!
    print(String(format: "clean posts: %d, %.1f µs/post; flagged posts: %d, %.1f µs/post",
                 clean.count, tc / Double(max(1, clean.count)) * 1e6, flaggedPosts.count, tf / Double(max(1, flaggedPosts.count)) * 1e6))
    // PCRE2 searches a post (what the prefilter saves, independent of the machine's speed). The
    // engine's timing adds up over calls: each sample's count is the difference it made.
    var timingOptions = EngineOptions()
    timingOptions.timing = true
    timingOptions.threads = 1
    let timed = try Engine(ruleSet: try ScaledRules.ruleSet(factor: 1), options: timingOptions)
    for (name, sample) in [("clean", clean), ("flagged", flaggedPosts)] {
        let before = timed.timing.map(\.searches) ?? 0
        _ = timed.evaluate(sample)
        let searches = (timed.timing.map(\.searches) ?? 0) - before
        print(String(format: "PCRE2 searches, %@ posts: %.2f a post", name, Double(searches) / Double(max(1, sample.count))))
    }
    var explainOptions = EngineOptions()
    explainOptions.explain = true
    let explaining = try Engine(ruleSet: try ScaledRules.ruleSet(factor: 1), options: explainOptions)
    var outcomes: [String: Int] = [:]
    var skippedPatterns = 0
    var falseByRule: [String: Int] = [:]
    for p in posts.prefix(2000) {
        for t in explaining.evaluate(p).explanation ?? [] {
            outcomes[t.outcome.rawValue, default: 0] += 1
            if t.outcome == .conditionFalse || t.outcome == .cancelled { falseByRule[t.ruleID, default: 0] += 1 }
            skippedPatterns += t.skippedPatterns.count
        }
    }
    // Patterns the prefilter let through that then found nothing, in the rules evaluated in vain.
    let ruleSet1 = try ScaledRules.ruleSet(factor: 1)
    var vainPatterns: [String: Int] = [:]
    for p in clean.prefix(2000) {
        for t in explaining.evaluate(p).explanation ?? [] where t.outcome == .conditionFalse || t.outcome == .cancelled {
            guard let rule = ruleSet1.rules.first(where: { $0.id == t.ruleID }) else { continue }
            for spec in rule.patterns where !t.skippedPatterns.contains(spec.name) && t.matches[spec.name] == nil {
                vainPatterns["\(t.ruleID.split(separator: ".").last!)/\(spec.name)", default: 0] += 1
            }
        }
    }
    print("patterns run for nothing in those rules (over 2000 clean posts), most often:", vainPatterns.sorted { $0.value > $1.value }.prefix(12).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    print("rules evaluated in vain (condition false or cancelled), most often:", falseByRule.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    print("rule outcomes over 2000 posts:", outcomes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "), "; patterns skipped inside evaluated rules:", skippedPatterns)
    print(String(format: "phases over %d posts: normalising %.1f µs/post; whole evaluation %.1f µs/post (normalising %.0f%%)",
                 posts.count, tn / Double(posts.count) * 1e6, te / Double(posts.count) * 1e6, tn / te * 100))
    exit(0)
}

// Every mode above exits: a first argument that is not an option names none of them.
if args.count > 1, !args[1].hasPrefix("-") {
    FileHandle.standardError.write(Data("NetralBench: unknown mode \(args[1])\n\(usage)\n".utf8))
    exit(2)
}

let postCount = option("--posts", 1_000_000)
let baselinePosts = option("--baseline-posts", 50_000)
let scales = (args.firstIndex(of: "--scales").map { args[$0 + 1] } ?? "1,10,50").split(separator: ",").compactMap { Int($0) }

print("Netral benchmark · \(ProcessInfo.processInfo.activeProcessorCount) cores · PCRE2 \(Netral.pcre2Version)")
var corpus: (posts: [Post], jsonl: Data) = ([], Data())
let generation = seconds { corpus = Corpus.make(count: postCount) }
print(String(format: "corpus: %d posts, %.1f MB of JSON Lines, mean %.0f bytes/line (generated in %.1f s)",
             postCount, Double(corpus.jsonl.count) / 1e6, Double(corpus.jsonl.count) / Double(postCount), generation))
let rawTexts = corpus.posts.map { [$0.text, $0.target?.text ?? "", $0.media.first?.caption ?? ""].joined(separator: "\n") }

var engineTimes: [Int: Double] = [:]
print("")
print("rules ×   rules  patterns  atoms | engine 1T   engine 2T | no-prefilter 1T  speed-up | e2e 1T posts/s  MB/s | e2e 2T posts/s  MB/s | vectorscan 1T | e2e 2T / vs")
for factor in scales {
    let set = try ScaledRules.ruleSet(factor: factor)
    let e1 = try engine(set, threads: 1), e2 = try engine(set, threads: 2)
    let baseline = try engine(set, threads: 1, prefilter: false)
    // Warm up first (page faults of the result arrays, lazily built state), so the first timed run is not penalised.
    _ = e1.evaluate(Array(corpus.posts.prefix(5000)))
    _ = baseline.evaluate(Array(corpus.posts.prefix(1000)))
    var flagged = 0
    let t1 = seconds { flagged = e1.evaluate(corpus.posts).filter(\.flagged).count }
    engineTimes[factor] = t1
    let t2 = seconds { _ = e2.evaluate(corpus.posts) }
    let sample = Array(corpus.posts.prefix(baselinePosts))
    var baselineResults: [PostResult] = []
    let tb = seconds { baselineResults = baseline.evaluate(sample) }
    let sampleResults = e1.evaluate(sample)
    let differing = zip(baselineResults, sampleResults).filter { $0.0.findings != $0.1.findings }.count
    precondition(differing == 0, "the prefilter changed the findings of \(differing) posts")
    var r1 = (records: 0, outputBytes: 0), r2 = (records: 0, outputBytes: 0)
    let te1 = seconds { r1 = endToEnd(e1, read: chunks(of: corpus.jsonl)) }
    let te2 = seconds { r2 = endToEnd(e2, read: chunks(of: corpus.jsonl)) }
    precondition(r1.records == postCount && r2.records == postCount)
    let mb = Double(corpus.jsonl.count) / 1e6
    let ceiling = VectorscanCeiling(patterns: args.contains("--no-ceiling") ? [] : e1.compiledPatternSources)
    let tv = ceiling.available ? seconds { _ = ceiling.scan(rawTexts) } : .nan
    let summary = e1.planSummary
    print(String(format: "%6d× %7d %9d %6d | %9@ %11@ | %15@ %8.1f× | %14@ %5.0f | %14@ %5.0f | %13@ | %.2f",
                 factor, set.rules.count, summary.patterns, summary.atoms,
                 rate(postCount, t1), rate(postCount, t2), rate(baselinePosts, tb),
                 (Double(baselinePosts) / tb) > 0 ? (Double(postCount) / t1) / (Double(baselinePosts) / tb) : 0,
                 rate(postCount, te1), mb / te1, rate(postCount, te2), mb / te2,
                 ceiling.available ? rate(postCount, tv) : "n/a", ceiling.available ? (Double(postCount) / te2) / (Double(postCount) / tv) : 0))
    print("        flagged \(flagged) of \(postCount) posts; vectorscan compiled \(ceiling.compiled) patterns, rejected \(ceiling.rejected)")
    // Paired ratios: the two sides of each target ratio, one right after the other, `pairs` times over
    // the same posts; the median ratio is reported beside the single runs above. On this shared VM a
    // loud minute then slows both sides of a pair instead of one side of the ratio.
    let pairs = option("--pairs", 5)
    if pairs > 0 {
        let few = Array(corpus.posts.prefix(min(postCount, option("--paired-posts", 20_000))))
        let speedUps = (0..<pairs).map { _ in seconds { _ = baseline.evaluate(few) } / seconds { _ = e1.evaluate(few) } }
        let many = min(postCount, option("--paired-e2e-posts", 100_000))
        let manyJSONL = Data(corpus.jsonl.prefix(prefixLength(lines: many, of: corpus.jsonl)))
        let manyTexts = Array(rawTexts.prefix(many))
        let ceilingRatios: [Double] = ceiling.available ? (0..<pairs).map { _ in
            seconds { _ = ceiling.scan(manyTexts) } / seconds { _ = endToEnd(e2, read: chunks(of: manyJSONL)) }
        } : []
        func spread(_ values: [Double], _ format: String) -> String {
            let sorted = values.sorted()
            return String(format: "median \(format) (\(format)–\(format))", sorted[sorted.count / 2], sorted[0], sorted[sorted.count - 1])
        }
        print("        paired, \(pairs) alternations: prefilter speed-up over \(few.count) posts " + spread(speedUps, "%.1f×")
              + (ceilingRatios.isEmpty ? "" : "; e2e 2T ÷ vectorscan over \(many) posts " + spread(ceilingRatios, "%.2f")))
    }
}
if let base = engineTimes[scales.first ?? 1] {
    for factor in scales.dropFirst() {
        if let t = engineTimes[factor] { print(String(format: "engine time %d× rules / %d× rules: %.2f", factor, scales.first ?? 1, t / base)) }
    }
}
print(String(format: "peak resident memory: %.0f MiB (holds the whole corpus in memory; see `stream` for the streaming figure)", peakRSSMiB()))
