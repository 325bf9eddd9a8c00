/// `--format csv`: one row per input record: its verdict, the rules that fired, the strongest
/// finding's evidence and message, or the record's error, and the rules whose findings were suppressed.
public struct CSVReport: ReportWriter {
    private let sink: (String) -> Void

    /// The header row's columns.
    public static let columns = ["line", "id", "flagged", "rules", "categories", "max_severity", "max_confidence",
                                 "candidates", "field", "evidence", "message", "basis", "error", "suppressed"]

    /// A writer that hands each row to `sink`; the header is written at once.
    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
        sink(CSVReport.columns.joined(separator: ",") + "\n")
    }

    /// Writes the record's row.
    public mutating func write(record: InputRecord, output: BatchOutput) {
        var row: [String]
        switch output {
        case .result(let line, let r):
            let top = r.findings.first
            row = [String(line), r.id, r.flagged ? "true" : "false",
                   r.findings.map(\.ruleID).joined(separator: ";"),
                   Array(Set(r.findings.map(\.category))).sorted().joined(separator: ";"),
                   r.findings.map(\.severity).max()?.rawValue ?? "",
                   r.findings.map(\.confidence).max().map { String($0) } ?? "",
                   Array(Set(r.findings.flatMap(\.candidates))).sorted().joined(separator: ";"),
                   top?.evidence.first?.field ?? "", top?.evidence.first?.text ?? "", top?.message.id ?? "",
                   top?.basis.map(\.citation).joined(separator: "; ") ?? "",
                   r.errors.map { "\($0.ruleID): \($0.message)" }.joined(separator: "; "),
                   r.suppressed.map(\.finding.ruleID).joined(separator: ";")]
        case .error(let e):
            row = [String(e.line), e.id ?? "", "", "", "", "", "", "", "", "", "", "", e.message, ""]
        }
        sink(row.map(CSVReport.escape).joined(separator: ",") + "\n")
    }

    /// Nothing to add at the end.
    public mutating func finish() {}

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180); neutralises
    /// spreadsheet formulas by prefixing `'` to fields that start with = + - @.
    static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
