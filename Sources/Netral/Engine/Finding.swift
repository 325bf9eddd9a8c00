/// A rule that fired on a post, with everything an analyst needs to act on it.
public struct Finding: Sendable, Hashable {
    /// The rule's id.
    public var ruleID: String
    /// The rule's title.
    public var title: String
    /// How grave the violation is.
    public var severity: Severity
    /// The kind of prohibited behaviour.
    public var category: String
    /// How sure the finding is, in 0...1.
    public var confidence: Double
    /// The legal provisions it falls under.
    public var basis: [LegalReference]
    /// The sanction category those provisions set.
    public var sanction: String?
    /// The explanation, with its placeholders filled in.
    public var message: Message
    /// The candidates the evidence points to (labels from the election profiles).
    public var candidates: [String]
    /// The quoted text that made the rule fire.
    public var evidence: [Evidence]
}

/// A piece of a post that a rule's pattern matched, quoted from the original.
public struct Evidence: Sendable, Hashable {
    /// The pattern that matched.
    public var pattern: String
    /// Where: `text`, `target.text`, `media[0].caption`, ...
    public var field: String
    /// The start, in Unicode code points of the original field text.
    public var start: Int
    /// The end (exclusive), in Unicode code points of the original field text.
    public var end: Int
    /// The original text between `start` and `end`.
    public var text: String
    /// The candidate this piece of evidence names, when it names one.
    public var candidate: String?
}

/// A rule that could not be evaluated on a post, such as a pattern that hit
/// the PCRE2 match limit. The rest of the post and the batch go on.
public struct RuleError: Sendable, Hashable {
    /// The rule.
    public var ruleID: String
    /// The pattern, when the error came from one.
    public var pattern: String?
    /// What happened.
    public var message: String
}

/// The verdict on one post.
public struct PostResult: Sendable {
    /// The post's id.
    public var id: String
    /// True when at least one finding reached its threshold.
    public var flagged: Bool { !findings.isEmpty }
    /// The findings that reached their thresholds, most severe first.
    public var findings: [Finding]
    /// Rules that could not be evaluated.
    public var errors: [RuleError]
    /// Why each rule did or did not fire, when explanation was asked for.
    public var explanation: [RuleTrace]?
    /// Findings that reached their thresholds but that a ``Suppression`` of the rule set covers: reviewed
    /// and judged not to be violations. They do not flag the post.
    public var suppressed: [SuppressedFinding] = []
}

/// A finding set aside by a suppression entry, kept with the entry that covers it.
public struct SuppressedFinding: Sendable, Hashable {
    /// The finding, as it would have been reported.
    public var finding: Finding
    /// The entry that covers it: its reason and where it is written.
    public var suppression: Suppression
}
