internal import CPCRE2

/// Options that change how a pattern is compiled.
///
/// UTF-8 mode, Unicode properties (`\w`, `\b` and case folding understand every
/// script) and safe handling of invalid UTF-8 are always on; these options add
/// to them.
///
/// ```swift
/// let regex = try PCRE2Regex("prabowo", options: [.caseless])
/// ```
public struct CompileOptions: OptionSet, Sendable, Hashable {
    /// The PCRE2 option bits (`PCRE2_CASELESS`, ...).
    public let rawValue: UInt32

    /// Creates options from PCRE2 option bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match their upper- and lower-case forms, with Unicode case folding.
    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    /// `^` and `$` match at line starts and ends, not just the subject's.
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    /// `.` also matches newlines.
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    /// White space and `#` comments in the pattern are ignored.
    public static let extended = CompileOptions(rawValue: PCRE2_EXTENDED)
    /// The match must start at the start offset (as if the pattern began with `\G`): for
    /// confirming a pattern only at positions found by other means.
    public static let anchored = CompileOptions(rawValue: PCRE2_ANCHORED)
    /// The pattern is a literal string: no character in it is special.
    public static let literal = CompileOptions(rawValue: PCRE2_LITERAL)

    /// The options every pattern gets: UTF-8, Unicode properties, and invalid
    /// UTF-8 in a subject treated as never matching instead of as an error.
    /// A literal pattern has no classes or `\b` for UCP to change, and PCRE2
    /// rejects UCP beside `PCRE2_LITERAL`; UTF mode still folds case by Unicode.
    static func always(for options: CompileOptions) -> UInt32 {
        let base = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF
        return options.contains(.literal) ? base : base | PCRE2_UCP
    }
}
