import Foundation

/// Where an engine's evaluation time went: normalising the posts' fields, the prefilter's literal
/// pass, and each rule, so that whoever writes rules can find the one that slows a batch down
/// (what `semgrep --time` does for its rules). Collected only with ``EngineOptions/timing``; read
/// it from ``Engine/timing`` once a batch has returned.
///
/// Times are wall-clock nanoseconds summed over the worker threads (on two busy threads, one
/// second of a run adds up to about two). A pattern shared by several rules runs once per post:
/// its cost is charged to the first rule that needed it.
public struct EvaluationTiming: Sendable, Equatable {
    /// One rule's share.
    public struct Rule: Sendable, Equatable {
        /// The rule's id.
        public var ruleID: String
        /// Posts on which the rule was checked: those whose action it reads and in which the
        /// prefilter found the literals it needs (every post when the prefilter is off).
        public var checks: Int
        /// Posts the rule flagged.
        public var flagged: Int
        /// Time spent on the rule: its prefilter gate on every post that woke it, and on the posts
        /// where it was checked, its patterns (PCRE2 matching), condition, evidence and message.
        public var nanoseconds: UInt64
        /// PCRE2 searches run for the rule: a pattern run over one field's text, or tried at one
        /// place where one of its first literals occurs (a pattern every match of which starts with
        /// a literal is run only there). What the prefilter saves shows here, and unlike the time it
        /// does not depend on the machine.
        public var searches: Int
    }

    /// Posts evaluated.
    public var posts: Int
    /// The worker threads the engine spreads batches over: the times are summed over them.
    public var threads: Int
    /// Time spent normalising the posts' fields (and making their leetspeak views).
    public var normalizingNanoseconds: UInt64
    /// Time spent in the prefilter's literal pass, choosing the rules to check.
    public var prefilterNanoseconds: UInt64
    /// Every rule of the rule set, in its order.
    public var rules: [Rule]

    /// PCRE2 searches, all rules together (see ``Rule/searches``).
    public var searches: Int { rules.reduce(0) { $0 + $1.searches } }
    /// Time spent on the rules, all together.
    public var rulesNanoseconds: UInt64 { rules.reduce(0) { $0 + $1.nanoseconds } }
    /// Normalising, the prefilter and the rules.
    public var totalNanoseconds: UInt64 { normalizingNanoseconds + prefilterNanoseconds + rulesNanoseconds }
}

/// The counters one worker keeps while timing, added into the engine's total when the worker's
/// scratch goes back to the pool.
struct TimingCounters {
    var posts = 0
    var normalizing: UInt64 = 0
    var prefilter: UInt64 = 0
    var checks: [Int]
    var flagged: [Int]
    var nanoseconds: [UInt64]
    var searches: [Int]
    /// PCRE2 searches since the last rule was counted: they are charged to the next.
    var pendingSearches = 0

    init(rules: Int) {
        checks = [Int](repeating: 0, count: rules)
        flagged = [Int](repeating: 0, count: rules)
        nanoseconds = [UInt64](repeating: 0, count: rules)
        searches = [Int](repeating: 0, count: rules)
    }

    /// Adds `other` into these counters and zeroes it.
    mutating func absorb(_ other: inout TimingCounters) {
        posts += other.posts
        normalizing += other.normalizing
        prefilter += other.prefilter
        for i in checks.indices {
            checks[i] += other.checks[i]
            flagged[i] += other.flagged[i]
            nanoseconds[i] += other.nanoseconds[i]
            searches[i] += other.searches[i]
        }
        other = TimingCounters(rules: checks.count)
    }

    /// The counters as a report, rule ids taken from `ruleIDs` (in plan order).
    func report(ruleIDs: [String], threads: Int) -> EvaluationTiming {
        EvaluationTiming(posts: posts, threads: threads, normalizingNanoseconds: normalizing, prefilterNanoseconds: prefilter,
                         rules: ruleIDs.indices.map { EvaluationTiming.Rule(ruleID: ruleIDs[$0], checks: checks[$0], flagged: flagged[$0], nanoseconds: nanoseconds[$0],
                                                                       searches: searches[$0]) })
    }

    /// A monotonic clock reading in nanoseconds.
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The nanoseconds since `clock`, which moves on to now.
    @inline(__always)
    static func lap(_ clock: inout UInt64) -> UInt64 {
        let now = now()
        defer { clock = now }
        return now &- clock
    }
}
