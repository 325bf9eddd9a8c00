/// One neutrality rule: what it looks for, when it fires, why it matters
/// legally, and examples that prove it works.
///
/// Rules are written in YAML or JSON files; see `rules/README.md` for the
/// language. A loaded rule is an immutable value.
public struct Rule: Sendable, Hashable, Identifiable {
    /// A stable, unique id such as `ASN.DUKUNGAN.AJAKAN_MEMILIH`.
    public var id: String
    /// A short title.
    public var title: String
    /// What the rule catches and why, for analysts.
    public var description: String
    /// How grave a violation is.
    public var severity: Severity
    /// The kind of prohibited behaviour, such as `dukungan` or `like-share`.
    public var category: String
    /// The legal provisions it enforces.
    public var basis: [LegalReference]
    /// The sanction category those provisions set.
    public var sanction: String?
    /// The explanation shown with each finding.
    public var message: Message
    /// The actions it applies to; empty means every action.
    public var actions: Set<Action>
    /// The fields its patterns read unless a pattern names its own.
    public var fields: [Field]
    /// Named patterns, in the order written.
    public var patterns: [PatternSpec]
    /// Patterns that cancel the rule or some of its matches.
    public var exceptions: [ExceptionSpec]
    /// When it fires.
    public var condition: Condition
    /// How confident its findings are.
    public var confidence: ConfidenceSpec
    /// Posts that must and must not be flagged.
    public var examples: RuleExamples
    /// Lifecycle status: experimental, test, stable, deprecated.
    public var status: String
    /// Tags for selecting rules.
    public var tags: [String]
    /// Further reading.
    public var references: [String]
    /// Known ways it can be wrong, for analysts reviewing its findings.
    public var falsePositives: [String]
    /// Where it was written.
    public var location: SourceLocation
    /// The pack it came from.
    public var pack: String?
}

/// Posts a rule must flag and posts it must leave alone, tested by `netral rules test`.
public struct RuleExamples: Sendable, Hashable {
    /// Posts the rule must flag.
    public var match: [Example]
    /// Posts the rule must not flag.
    public var noMatch: [Example]

    /// Creates examples.
    public init(match: [Example] = [], noMatch: [Example] = []) {
        self.match = match
        self.noMatch = noMatch
    }

    /// One example post and where it was written.
    public struct Example: Sendable, Hashable {
        /// The post.
        public var post: Post
        /// Where the example was written.
        public var location: SourceLocation
        /// Creates an example.
        public init(post: Post, location: SourceLocation) {
            self.post = post
            self.location = location
        }
    }
}
