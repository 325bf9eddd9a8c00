/// A named, reusable list of words or phrases (candidate names, slogans,
/// hashtags, party names...), referenced from patterns as `{{name}}`.
///
/// Entries are literal text, escaped before use, unless the list or the
/// entry is marked as a regular expression. A list compiles into one
/// alternation, longest entries first.
public struct WordList: Sendable, Hashable {
    /// The name patterns use.
    public var name: String
    /// The entries.
    public var entries: [Entry]
    /// What the list is for.
    public var description: String?
    /// Where it was defined.
    public var location: SourceLocation

    /// One list entry.
    public struct Entry: Sendable, Hashable {
        /// The text (or expression, when ``isRegex``).
        public var text: String
        /// True when ``text`` is a PCRE2 expression rather than literal text.
        public var isRegex: Bool
        /// What a match of this entry stands for (a candidate pair, a party), shown in findings.
        public var label: String?
        /// The election profile that contributed the entry, if any.
        public var profile: String?
        /// Creates an entry.
        public init(text: String, isRegex: Bool = false, label: String? = nil, profile: String? = nil) {
            self.text = text
            self.isRegex = isRegex
            self.label = label
            self.profile = profile
        }
    }

    /// Creates a list.
    public init(name: String, entries: [Entry], description: String? = nil,
                location: SourceLocation = SourceLocation(file: "<memory>", line: 1, column: 1)) {
        self.name = name
        self.entries = entries
        self.description = description
        self.location = location
    }
}
