import PCRE2

/// How an ``Engine`` evaluates posts.
public struct EngineOptions: Sendable {
    /// The confidence a finding needs when its rule sets no threshold of its own.
    public var threshold: Double = 0.5
    /// Rules below this severity are not reported.
    public var minimumSeverity: Severity = .info
    /// Record why every rule did or did not fire (slower; for analysts and `netral explain`).
    public var explain = false
    /// Use the literal prefilter to skip rules that cannot match. Turning it off
    /// runs every pattern on every post: same results, slower; the benchmark's baseline.
    public var prefilter = true
    /// The limits every PCRE2 match runs under.
    public var matchLimits = MatchLimits.default
    /// The normalisation applied to every field (must match the loader's).
    public var normalizer = Normalizer()
    /// Worker threads for batch evaluation; 0 means one per core.
    public var threads = 0
    /// Records a worker takes at a time in batch evaluation (``Engine/evaluate(records:emit:)``
    /// keeps at most two such chunks per worker in flight; array batches are split evenly).
    public var chunkSize = 512
    /// Measure where evaluation time goes, per phase and per rule, and count each rule's PCRE2
    /// searches (``Engine/timing``): two clock readings for every rule checked, a few per cent
    /// slower. For rule authors and `netral check --time`.
    public var timing = false

    /// The defaults.
    public init() {}
}
