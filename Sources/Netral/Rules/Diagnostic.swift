/// A problem found while loading or linting rules: where it is, what it is,
/// and how to fix it.
///
/// Printed as `rules/x.yml:12:9: error[NR203]: unknown key "paterns" in rule (rule ASN.X)`
/// followed by `  hint: did you mean "patterns"?`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// A note; never blocks loading.
        case info
        /// A likely mistake; loading goes on.
        case warning
        /// Loading fails.
        case error

        /// info < warning < error.
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// A stable code such as `NR203`; see the rule-language reference for the list.
    public var code: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is a plain answer.
    public var hint: String?
    /// Where it is.
    public var location: SourceLocation?
    /// The rule it concerns, if any.
    public var ruleID: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: String, _ message: String, hint: String? = nil,
                at location: SourceLocation? = nil, rule ruleID: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.ruleID = ruleID
    }

    /// The diagnostic as one or two lines of text.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue)[\(code)]: \(message)"
        if let ruleID { text += " (rule \(ruleID))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Loading a rule set failed; nothing was loaded. Carries every problem
/// found, not just the first.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings alike, in file order.
    public var diagnostics: [Diagnostic]

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic, one per line (hints indented), then a count.
    public var description: String {
        let body = diagnostics.map(\.description).joined(separator: "\n")
        return body + "\n\(errors.count) error(s); no rules were loaded."
    }
}
