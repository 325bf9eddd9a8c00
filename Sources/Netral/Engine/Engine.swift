import Dispatch
import Foundation
import Synchronization

/// Evaluates posts against a rule set: the object moderation pipelines embed.
///
/// Build it once per rule set (compiling and JIT-ing every pattern), then
/// call it from any thread. Batch calls spread the work over every core and
/// return results in input order.
///
/// ```swift
/// let engine = try Engine.withDefaultRules()
/// let result = engine.evaluate(Post(id: "1", text: "Ayo coblos 02, lanjutkan!"))
/// for finding in result.findings {
///     print(finding.ruleID, finding.confidence, finding.evidence.map(\.text))
/// }
/// ```
public final class Engine: Sendable {
    /// The rules this engine applies.
    public let ruleSet: RuleSet
    /// How it evaluates.
    public let options: EngineOptions
    let plan: Plan
    private let evaluator: Evaluator
    private let pool = Mutex<[Scratch.Box]>([])
    /// What the scratches returned to the pool have timed (with ``EngineOptions/timing``).
    private let timed: Mutex<TimingCounters>

    /// Compiles a rule set.
    /// - Throws: ``EngineError`` when a pattern does not compile (rule sets from ``RuleSetLoader`` were already checked).
    public init(ruleSet: RuleSet, options: EngineOptions = EngineOptions()) throws(EngineError) {
        self.ruleSet = ruleSet
        self.options = options
        self.plan = try Plan(ruleSet: ruleSet, options: options)
        self.evaluator = Evaluator(plan: plan, options: options)
        self.timed = Mutex(TimingCounters(rules: options.timing ? plan.rules.count : 0))
    }

    /// Where evaluation time went, over every post evaluated so far (nil unless
    /// ``EngineOptions/timing`` is on). Complete once the calls that evaluated them have returned.
    public var timing: EvaluationTiming? {
        guard options.timing else { return nil }
        return timed.withLock { $0.report(ruleIDs: plan.rules.map(\.rule.id), threads: threadCount) }
    }

    /// An engine with the default rule pack embedded in the library and every bundled election profile.
    /// - Throws: ``RuleLoadError`` or ``EngineError``; neither happens with an intact build.
    public static func withDefaultRules(options: EngineOptions = EngineOptions()) throws -> Engine {
        var loader = RuleSetLoader()
        loader.normalizer = options.normalizer
        loader.addDefaultPack()
        return try Engine(ruleSet: loader.load(), options: options)
    }

    /// Statistics about the compiled plan: patterns, prefilter atoms, patterns the prefilter cannot skip,
    /// how many distinct patterns are confirmed only at their atoms (anchored), and the size of the
    /// prefilter's transition table.
    public var planSummary: (patterns: Int, atoms: Int, unfilterable: [String], anchored: Int, automatonBytes: Int) {
        (plan.patterns.count, plan.atomCount, plan.unfilterablePatterns, plan.anchoredByKey.compactMap { $0 }.count, plan.prefilter.tableBytes)
    }

    /// The PCRE2 source of every distinct pattern confirmed only at its atoms' occurrences.
    public var anchoredPatternSources: [String] { plan.anchoredByKey.compactMap { $0?.pattern } }

    /// The PCRE2 source of every compiled pattern, after list expansion, in plan order. For tooling
    /// and benchmarks (the benchmark compiles the same patterns into Vectorscan as a ceiling).
    public var compiledPatternSources: [String] { plan.patterns.map(\.regex.pattern) }

    /// Evaluates one post.
    public func evaluate(_ post: Post) -> PostResult {
        withScratch { evaluator.evaluate(post, scratch: $0) }
    }

    /// Evaluates posts in parallel; results come back in the same order.
    public func evaluate(_ posts: [Post]) -> [PostResult] {
        parallelMap(posts) { [evaluator] post, scratch in evaluator.evaluate(post, scratch: scratch) }
    }

    /// Evaluates a stream of input records in constant memory: records are
    /// taken `chunkSize` at a time, evaluated in parallel, and handed to
    /// `emit` in input order, one output per record (a result, or the
    /// record's error) together with the record itself.
    ///
    /// A ``JSONLinesReader`` is read line by line and its lines are parsed on the workers too.
    /// While `emit` handles one chunk, the next ones are already being evaluated.
    public func evaluate<S: Sequence>(records: S, emit: (InputRecord, BatchOutput) throws -> Void) rethrows where S.Element == InputRecord {
        try evaluate(records: records, transform: { _, _ in () }, emit: { record, output, _ in try emit(record, output) })
    }

    /// Like ``evaluate(records:emit:)``, with `transform` applied to each output on the workers
    /// (formatting a report line, say), so that `emit` (on the calling thread, in input order)
    /// only has to write what it gets.
    ///
    /// Each chunk is one worker's task. A worker that finishes its chunk takes the next, whoever
    /// is still busy, and the calling thread reads ahead (splitting lines) and emits in order; at
    /// most two chunks per worker are in flight.
    public func evaluate<S: Sequence, T: Sendable>(records: S, transform: @escaping @Sendable (InputRecord, BatchOutput) -> T,
                                                   emit: (InputRecord, BatchOutput, T) throws -> Void) rethrows where S.Element == InputRecord {
        typealias Output = (InputRecord, BatchOutput, T)
        // JSON Lines: the reader only splits lines; parsing runs on the workers too.
        let next: () -> JSONLinesReader.RawRecord?
        if var reader = records as? JSONLinesReader {
            next = { reader.nextRaw() }
        } else {
            var iterator = records.makeIterator()
            next = { iterator.next().map { .ready($0) } }
        }
        let size = max(1, options.chunkSize)
        func nextChunk() -> [JSONLinesReader.RawRecord]? {
            var chunk: [JSONLinesReader.RawRecord] = []
            chunk.reserveCapacity(size)
            while chunk.count < size, let raw = next() { chunk.append(raw) }
            return chunk.isEmpty ? nil : chunk
        }
        let workers = threadCount
        let work = OrderedWork<[JSONLinesReader.RawRecord], [Output]>()
        try onWorkers(work, workers: workers, body: { [evaluator] chunk, scratch in
            chunk.compactMap { raw -> Output? in
                guard let record = raw.record() else { return nil }
                let output: BatchOutput
                switch record.post {
                case .success(let post): output = .result(line: record.line, evaluator.evaluate(post, scratch: scratch))
                case .failure(let error): output = .error(error)
                }
                return (record, output, transform(record, output))
            }
        }) {
            var submitted = 0, emitted = 0, exhausted = false
            while true {
                while !exhausted, submitted - emitted < 2 * workers {
                    if let chunk = nextChunk() {
                        work.submit(chunk)
                        submitted += 1
                    } else {
                        exhausted = true
                        work.close()
                    }
                }
                guard emitted < submitted else { return }
                let outputs = work.output(emitted)
                emitted += 1
                for (record, output, transformed) in outputs { try emit(record, output, transformed) }
            }
        }
    }

    /// Evaluates posts as an asynchronous sequence delivers them, one result per post, in order.
    public func results<S: AsyncSequence & Sendable>(for posts: S) -> AsyncThrowingStream<PostResult, Error> where S.Element == Post {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await post in posts { continuation.yield(self.evaluate(post)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: - Workers

    private func withScratch<T>(_ body: (Scratch) -> T) -> T {
        let box = takeScratch()
        defer { giveBack(box) }
        return body(box.scratch)
    }

    /// A scratch from the pool, or a new one. Batches take their workers' scratches on the calling
    /// thread and give them back there, so the workers never touch the pool.
    private func takeScratch() -> Scratch.Box {
        pool.withLock { $0.popLast() } ?? Scratch.Box(Scratch(plan: plan, timing: options.timing))
    }

    /// Returns a scratch to the pool, adding up what it timed.
    private func giveBack(_ box: Scratch.Box) {
        if options.timing { timed.withLock { $0.absorb(&box.scratch.timing) } }
        pool.withLock { if $0.count < 64 { $0.append(box) } }
    }

    private var threadCount: Int {
        options.threads > 0 ? options.threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs the tasks of `work` through `body` on `workers` threads, each with a scratch taken from
    /// the pool (and given back) on the calling thread, while `feed`, on the calling thread, submits
    /// the tasks and takes their outputs in order. However `feed` ends (it may throw), the workers
    /// stop before this returns.
    private func onWorkers<Input, Output, R>(_ work: OrderedWork<Input, Output>, workers: Int,
                                             body: @escaping @Sendable (Input, Scratch) -> Output, feed: () throws -> R) rethrows -> R {
        let scratches = (0..<workers).map { _ in takeScratch() }
        let running = DispatchGroup()
        for box in scratches {
            running.enter()
            DispatchQueue.global().async {
                let scratch = box.scratch
                while let (number, task) = work.take() { work.finish(number, body(task, scratch)) }
                running.leave()
            }
        }
        defer {
            work.cancel()
            running.wait()
            scratches.forEach(giveBack)
        }
        return try feed()
    }

    /// Maps `items` on all workers, each with its own scratch, keeping order. The items go in
    /// small slices, each taken by whichever worker is free, so a worker the system holds back
    /// does not leave the others idle at the end.
    private func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @escaping @Sendable (T, Scratch) -> R) -> [R] {
        let workers = min(threadCount, max(1, items.count / 16))
        if workers <= 1 { return withScratch { scratch in items.map { transform($0, scratch) } } }
        let size = min(256, max(16, items.count / (8 * workers)))
        let work = OrderedWork<Range<Int>, [R]>()
        return onWorkers(work, workers: workers, body: { slice, scratch in items[slice].map { transform($0, scratch) } }) {
            var slices = 0
            for lower in stride(from: 0, to: items.count, by: size) {
                work.submit(lower..<min(items.count, lower + size))
                slices += 1
            }
            work.close()
            var results: [R] = []
            results.reserveCapacity(items.count)
            for slice in 0..<slices { results += work.output(slice) }
            return results
        }
    }
}

/// One output of a batch: a post's result, or the error that took a record's place.
public enum BatchOutput: Sendable {
    /// The result for the post read from `line`.
    case result(line: Int, PostResult)
    /// The record could not be read as a post.
    case error(RecordError)
}
