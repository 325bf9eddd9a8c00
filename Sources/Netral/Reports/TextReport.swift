/// `--format text`: for people. Each flagged post with its text, the evidence
/// highlighted, and each finding with its severity, confidence, message, legal
/// basis and sanction; then unreadable records; then totals. Clean posts are not shown, nor findings
/// set aside by suppression entries (the totals count them).
public struct TextReport: ReportWriter {
    private let sink: (String) -> Void
    private let color: Bool
    private var tally = BatchTally()

    /// A writer; `color` adds ANSI colours (for terminals).
    public init(color: Bool, sink: @escaping (String) -> Void) {
        self.color = color
        self.sink = sink
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityColor(_ s: Severity) -> String {
        switch s {
        case .critical: return "1;31"
        case .high: return "31"
        case .medium: return "33"
        case .low: return "36"
        case .info: return "37"
        }
    }

    /// Writes a flagged post or an error; clean posts only count.
    public mutating func write(record: InputRecord, output: BatchOutput) {
        tally.add(output)
        switch output {
        case .error(let e):
            sink(paint("line \(e.line)", "35") + (e.id.map { " · id \($0)" } ?? "") + ": " + paint("unreadable record: ", "1;35") + e.message + "\n\n")
        case .result(let line, let result):
            for e in result.errors {
                sink(paint("line \(line) · id \(result.id)", "35") + ": rule \(e.ruleID) could not run: \(e.message)\n")
            }
            guard result.flagged, case .success(let post) = record.post else { return }
            var header = "line \(line) · id \(result.id) · \(post.action.rawValue)"
            if let author = post.author { header += " · \(author)" }
            if let date = post.createdAt { header += " · \(RFC3339.format(date))" }
            sink(paint(header, "1") + "\n")
            for value in Field.allCases.flatMap({ post.values(of: $0) }) {
                let spans = result.findings.flatMap(\.evidence).filter { $0.field == value.path }
                guard !spans.isEmpty else { continue }
                sink("  \(value.path): \"\(highlight(value.text, spans.map { $0.start..<$0.end }))\"\n")
            }
            for f in result.findings {
                sink("  " + paint("● \(f.severity.rawValue)", severityColor(f.severity)) + "  " + paint(f.ruleID, "1")
                     + "  \(f.title)  (keyakinan \(String(format: "%.2f", f.confidence)))\n")
                sink("    \(f.message.id)\n")
                if !f.basis.isEmpty { sink("    " + paint("Dasar:", "2") + " \(f.basis.map(\.citation).joined(separator: "; "))\n") }
                if let s = f.sanction { sink("    " + paint("Sanksi:", "2") + " \(s)\n") }
            }
            sink("\n")
        }
    }

    /// Writes the totals.
    public mutating func finish() {
        sink("\(tally.records) record(s) · \(paint("\(tally.flagged) flagged", tally.flagged > 0 ? "1;31" : "32"))"
             + " · \(tally.malformed) unreadable" + (tally.ruleErrors > 0 ? " · \(tally.ruleErrors) rule error(s)" : "")
             + (tally.suppressed > 0 ? " · \(tally.suppressed) finding(s) suppressed" : "") + "\n")
    }

    /// The text with each code-point range wrapped in highlight marks.
    private func highlight(_ text: String, _ ranges: [Range<Int>]) -> String {
        highlightSegments(text, ranges).map { segment in
            guard segment.highlighted else { return segment.text }
            return color ? "\u{1B}[1;4;31m\(segment.text)\u{1B}[0m" : "[\(segment.text)]"
        }.joined().replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
