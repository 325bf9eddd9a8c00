import Foundation

/// One contest (Pilpres 2024, the 2024 Jakarta governor race...): its dates
/// and its candidates, with everything that identifies them online.
///
/// Rules refer to "any candidate of the active profiles" through the lists a
/// profile contributes (`{{candidate.names}}`, `{{candidate.numbers}}`...),
/// so one rule pack serves every election: a regional office writes a new
/// profile, not new rules.
public struct ElectionProfile: Sendable, Hashable, Identifiable {
    /// A short id such as `pilpres-2024` or `pilgub-jakarta-2024`.
    public var id: String
    /// The contest's name.
    public var name: String
    /// pilpres, pileg, pilgub, pilbup, pilwalkot...
    public var kind: String
    /// Where it is held.
    public var jurisdiction: String?
    /// Named date windows: campaign, quiet, voting, ...
    public var windows: [String: DateInterval]
    /// The candidates or pairs.
    public var candidates: [Candidate]
    /// Words that place a post in this contest (its region, office, election name).
    public var context: [String]
    /// Where it was defined.
    public var location: SourceLocation

    /// A candidate or candidate pair.
    public struct Candidate: Sendable, Hashable {
        /// The ballot number.
        public var number: Int
        /// How findings name it, such as "Prabowo Subianto – Gibran Rakabuming Raka".
        public var label: String
        /// Full names.
        public var names: [String]
        /// Nicknames and name forms (Cak Imin, Mas Pram).
        public var nicknames: [String]
        /// Acronyms written in capitals (AMIN, RIDO), matched case-sensitively.
        public var acronyms: [String]
        /// Slogans and jargon.
        public var slogans: [String]
        /// Campaign hashtags, with '#'.
        public var hashtags: [String]
        /// Accounts of the candidates and their campaign teams, with '@'.
        public var accounts: [String]
        /// Gesture tokens (`jari_2`, `metal`) that signal this candidate.
        public var gestures: [String]
        /// Supporting parties.
        public var parties: [String]
        /// Campaign team names (TKN, Timnas AMIN...).
        public var teams: [String]
    }

    /// True when `date` falls in the named window.
    public func contains(_ date: Date, window: String) -> Bool {
        windows[window]?.contains(date) ?? false
    }
}
