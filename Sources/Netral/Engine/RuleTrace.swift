/// Why one rule did or did not fire on one post: the explain trace.
public struct RuleTrace: Sendable, Hashable {
    /// How the rule's evaluation ended.
    public enum Outcome: String, Sendable, Hashable {
        /// The post's action is not one the rule applies to.
        case skippedAction = "skipped: action"
        /// The prefilter found none of the literals the rule's trigger patterns need.
        case skippedPrefilter = "skipped: prefilter"
        /// The condition did not hold.
        case conditionFalse = "condition false"
        /// An exception cancelled the rule.
        case cancelled = "cancelled by exception"
        /// The condition held but the confidence stayed below the threshold.
        case belowThreshold = "below threshold"
        /// The rule is below the minimum severity asked for.
        case belowSeverity = "below minimum severity"
        /// The rule fired.
        case flagged
        /// The rule fired, but a suppression entry covers the finding (``PostResult/suppressed``).
        case suppressed
        /// A pattern failed (for example, hit the match limit).
        case error
    }

    /// The rule.
    public var ruleID: String
    /// How it ended.
    public var outcome: Outcome
    /// Matches per pattern: pattern name and the original texts matched.
    public var matches: [String: [String]] = [:]
    /// Patterns the prefilter ruled out without running PCRE2.
    public var skippedPatterns: [String] = []
    /// Exceptions that applied, with the text they matched and what they cancelled.
    public var exceptions: [String] = []
    /// The confidence arithmetic: base, then each adjustment.
    public var confidenceSteps: [String] = []
    /// The final confidence (when the condition held).
    public var confidence: Double?
    /// The threshold it was compared with.
    public var threshold: Double?
    /// A sentence for a person.
    public var note: String = ""
}
