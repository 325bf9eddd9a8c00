/// A named regular expression in a rule, as written in the rule file.
///
/// The expression may reference lists with `{{name}}` (see ``WordList``);
/// they are expanded into alternations before PCRE2 compiles it.
public struct PatternSpec: Sendable, Hashable {
    /// Which text a pattern runs on.
    public enum View: String, Sendable, Hashable, CaseIterable {
        /// The normalised text (lower case, abbreviations expanded, emoji tokens...): the default.
        case normalized
        /// The text exactly as written; use with `cased: true` for capitals such as "AMIN".
        case original
    }

    /// The name conditions refer to.
    public var name: String
    /// The PCRE2 expression, with `{{list}}` references.
    public var regex: String
    /// The fields it reads; nil means the rule's fields.
    public var fields: [Field]?
    /// Which view of the text it reads.
    public var view: View
    /// True to match case-sensitively (only meaningful on the original view).
    public var cased: Bool
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a pattern.
    public init(name: String, regex: String, fields: [Field]? = nil, view: View = .normalized, cased: Bool = false,
                location: SourceLocation = SourceLocation(file: "<memory>", line: 1, column: 1)) {
        self.name = name
        self.regex = regex
        self.fields = fields
        self.view = view
        self.cased = cased
        self.location = location
    }
}

/// A pattern that cancels a rule, or cancels one of its patterns' matches when it is close to them.
public struct ExceptionSpec: Sendable, Hashable {
    /// The pattern that must match for the exception to apply.
    public var pattern: PatternSpec
    /// When set, the exception cancels only the matches of this named pattern
    /// lying within ``within`` words of the exception's match; otherwise it cancels the whole rule.
    public var near: String?
    /// The word distance for ``near``.
    public var within: Int

    /// Creates an exception.
    public init(pattern: PatternSpec, near: String? = nil, within: Int = 3) {
        self.pattern = pattern
        self.near = near
        self.within = within
    }
}

/// How sure a finding is: a base score, adjusted by context, compared with a threshold.
public struct ConfidenceSpec: Sendable, Hashable {
    /// The score when the condition holds and no context applies.
    public var base: Double
    /// The score a finding needs to be reported; nil uses the engine's default.
    public var threshold: Double?
    /// Context patterns that raise or lower the score.
    public var adjustments: [Adjustment]

    /// A context pattern and what it does to the score.
    public struct Adjustment: Sendable, Hashable {
        /// The name of a pattern of the rule (inline regexes get a generated name).
        public var pattern: String
        /// Added to the score when the pattern matches (negative lowers it).
        public var adjust: Double
        /// When set, counts only when the pattern is within this many words of the rule's evidence.
        public var within: Int?
        /// Creates an adjustment.
        public init(pattern: String, adjust: Double, within: Int? = nil) {
            self.pattern = pattern
            self.adjust = adjust
            self.within = within
        }
    }

    /// Creates a confidence spec.
    public init(base: Double = 0.8, threshold: Double? = nil, adjustments: [Adjustment] = []) {
        self.base = base
        self.threshold = threshold
        self.adjustments = adjustments
    }
}
