import Foundation

/// Counts over a batch: per rule, severity, category, author and day. Shared by
/// `--format summary` and the HTML report.
public struct BatchSummary: Sendable {
    /// Totals.
    public var tally = BatchTally()
    /// Findings per rule id.
    public var perRule: [String: Int] = [:]
    /// Rule titles, for display.
    public var titles: [String: String] = [:]
    /// Findings per severity.
    public var perSeverity: [Severity: Int] = [:]
    /// Findings per category.
    public var perCategory: [String: Int] = [:]
    /// Flagged posts per author.
    public var perAuthor: [String: Int] = [:]
    /// Flagged posts per day (YYYY-MM-DD, UTC+7).
    public var perDay: [String: Int] = [:]
    /// Suppressed findings per suppression entry (its location and reason).
    public var perSuppression: [String: Int] = [:]

    /// Creates an empty summary.
    public init() {}

    /// Adds one record.
    public mutating func add(record: InputRecord, output: BatchOutput) {
        tally.add(output)
        guard case .result(_, let result) = output else { return }
        for s in result.suppressed { perSuppression["\(s.suppression.location): \(s.suppression.reason)", default: 0] += 1 }
        guard result.flagged else { return }
        for f in result.findings {
            perRule[f.ruleID, default: 0] += 1
            titles[f.ruleID] = f.title
            perSeverity[f.severity, default: 0] += 1
            perCategory[f.category, default: 0] += 1
        }
        if case .success(let post) = record.post {
            perAuthor[post.author ?? "(tanpa penulis)", default: 0] += 1
            if let date = post.createdAt {
                perDay[BatchSummary.day(date), default: 0] += 1
            }
        }
    }

    /// The calendar day of a date in Western Indonesian Time (UTC+7).
    public static func day(_ date: Date) -> String {
        String(RFC3339.format(date.addingTimeInterval(7 * 3600)).prefix(10))
    }
}

/// `--format summary`: the counts as plain-text tables.
public struct SummaryReport: ReportWriter {
    private let sink: (String) -> Void
    private var summary = BatchSummary()

    /// A writer that writes everything at the end.
    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    /// Counts the record.
    public mutating func write(record: InputRecord, output: BatchOutput) {
        summary.add(record: record, output: output)
    }

    /// Writes the tables.
    public mutating func finish() {
        let t = summary.tally
        sink("Records: \(t.records)   flagged: \(t.flagged)   unreadable: \(t.malformed)   rule errors: \(t.ruleErrors)"
             + (t.suppressed > 0 ? "   suppressed findings: \(t.suppressed)" : "") + "\n")
        func table(_ title: String, _ rows: [(String, Int)]) {
            guard !rows.isEmpty else { return }
            sink("\n\(title)\n")
            let width = min(60, rows.map(\.0.count).max() ?? 0)
            for (name, count) in rows {
                sink("  " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  " + String(count) + "\n")
            }
        }
        func sorted(_ d: [String: Int]) -> [(String, Int)] { d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key } }
        table("Findings per rule", sorted(summary.perRule))
        table("Findings per severity", Severity.allCases.reversed().compactMap { s in summary.perSeverity[s].map { (s.rawValue, $0) } })
        table("Findings per category", sorted(summary.perCategory))
        table("Flagged posts per author", Array(sorted(summary.perAuthor).prefix(20)))
        table("Flagged posts per day", summary.perDay.sorted { $0.key < $1.key })
        table("Suppressed findings per suppression", sorted(summary.perSuppression))
    }
}
