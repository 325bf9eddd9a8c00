/// Writes batch results in one output format. A writer receives every
/// record in input order, then `finish()`; it hands text to its sink as it goes,
/// so streaming formats keep memory flat.
public protocol ReportWriter {
    /// Called once per input record, in order.
    mutating func write(record: InputRecord, output: BatchOutput)
    /// Called once after the last record.
    mutating func finish()
}

/// The output formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One JSON object per input record.
    case jsonl
    /// Readable text for a terminal, grouped per flagged post, evidence highlighted.
    case text
    /// One CSV row per input record.
    case csv
    /// Counts per rule, severity, category, author and day.
    case summary
    /// A self-contained HTML report with charts.
    case html
}

/// Counts kept while writing: for progress, summaries and exit codes.
public struct BatchTally: Sendable {
    /// Records read.
    public var records = 0
    /// Posts flagged.
    public var flagged = 0
    /// Records that could not be read.
    public var malformed = 0
    /// Rule errors (such as match limits) across all posts.
    public var ruleErrors = 0
    /// Findings set aside by suppression entries, across all posts.
    public var suppressed = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one output.
    public mutating func add(_ output: BatchOutput) {
        records += 1
        switch output {
        case .result(_, let r):
            if r.flagged { flagged += 1 }
            ruleErrors += r.errors.count
            suppressed += r.suppressed.count
        case .error: malformed += 1
        }
    }
}
