/// A loaded, validated, immutable set of rules with the lists and election
/// profiles they use. Safe to share between threads; a pipeline can load a
/// new set in the background and swap it in one assignment.
public struct RuleSet: Sendable {
    /// The rules, enabled ones only, in load order.
    public let rules: [Rule]
    /// The lists, by name, including those the active profiles contribute.
    public let lists: [String: WordList]
    /// The active election profiles.
    public let profiles: [ElectionProfile]
    /// The packs loaded, by manifest.
    public let packs: [PackInfo]
    /// Reviewed findings to set aside (the `suppress:` entries of every file, in load order); the engine
    /// moves the findings they cover to ``PostResult/suppressed``.
    public let suppressions: [Suppression]
    /// Warnings and notes from loading (errors make loading fail instead).
    public let diagnostics: [Diagnostic]

    /// A rule by id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    init(rules: [Rule], lists: [String: WordList], profiles: [ElectionProfile], packs: [PackInfo], suppressions: [Suppression] = [],
         diagnostics: [Diagnostic]) {
        self.rules = rules
        self.lists = lists
        self.profiles = profiles
        self.packs = packs
        self.suppressions = suppressions
        self.diagnostics = diagnostics
    }
}

/// A rule pack's manifest: name, version, description.
public struct PackInfo: Sendable, Hashable {
    /// The pack's name.
    public var name: String
    /// Its version.
    public var version: String
    /// What it is for.
    public var description: String?
    /// Where the manifest is.
    public var location: SourceLocation
}
