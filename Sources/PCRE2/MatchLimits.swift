/// Bounds on the work one match may do, so that a pathological pattern fails
/// fast with ``PCRE2Error/Kind/matchLimit`` (or a sibling kind) instead of hanging.
///
/// Every match runs under these limits. The defaults let ordinary patterns
/// scan posts of several megabytes while stopping catastrophic backtracking
/// such as `(a+)+$` within milliseconds.
public struct MatchLimits: Sendable, Hashable {
    /// The most times PCRE2 may call its internal `match()` (backtracking steps).
    public var matchLimit: UInt32
    /// The deepest backtracking nesting, for the interpreter (JIT code is bounded by ``jitStackMaxBytes``).
    public var depthLimit: UInt32
    /// The most heap memory, in KiB, the interpreter may use for backtracking.
    public var heapLimitKiB: UInt32
    /// The largest JIT stack a matcher may grow, in bytes.
    public var jitStackMaxBytes: Int

    /// Creates limits; every argument has a default that suits social-media posts.
    public init(
        matchLimit: UInt32 = 1_000_000,
        depthLimit: UInt32 = 10_000,
        heapLimitKiB: UInt32 = 20_000,
        jitStackMaxBytes: Int = 1 << 20
    ) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackMaxBytes = jitStackMaxBytes
    }

    /// The defaults.
    public static let `default` = MatchLimits()
}
