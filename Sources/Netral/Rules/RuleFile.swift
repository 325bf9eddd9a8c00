/// What one rule file holds once decoded, before cross-file checks.
struct RuleFile: Sendable {
    var path: String
    var source: String
    var manifest: Manifest?
    var rules: [RuleDraft] = []
    var lists: [WordList] = []
    var profiles: [ElectionProfile] = []
    var disabled: [(id: String, location: SourceLocation)] = []
    var suppressions: [Suppression] = []

    /// A pack manifest: its metadata and the files it includes.
    struct Manifest: Sendable {
        var info: PackInfo
        var include: [(path: String, location: SourceLocation)]
    }
}

/// A decoded rule plus what the loader still has to check against other files.
struct RuleDraft: Sendable {
    var rule: Rule
    /// True when the rule replaces an earlier rule of the same id on purpose.
    var overrides: Bool
    /// The scalar nodes of each pattern's regex, to locate compile errors.
    var regexNodes: [String: YAMLTree]
    /// The condition's scalar node.
    var conditionNode: YAMLTree?
    /// The message nodes, to locate bad placeholders.
    var messageNodes: [YAMLTree]
}
