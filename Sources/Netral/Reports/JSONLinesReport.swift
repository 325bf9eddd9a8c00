/// `--format jsonl`: one JSON object per input record, in input order.
public struct JSONLinesReport: ReportWriter {
    private let sink: (String) -> Void

    /// A writer that hands each line (with its newline) to `sink`.
    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    /// Writes the record's line.
    public mutating func write(record: InputRecord, output: BatchOutput) {
        sink(ResultJSON.line(for: output, newline: true))
    }

    /// Nothing to add at the end.
    public mutating func finish() {}
}
