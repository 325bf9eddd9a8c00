import Foundation

/// The JSON form of results: what `--format jsonl` writes, one object per input record.
///
/// A result: `{"id", "line", "flagged", "findings": [...], "errors": [...]}`; a record that could not
/// be read: `{"line", "id"?, "error"}`.
public enum ResultJSON {
    /// The JSON object for one batch output.
    public static func object(for output: BatchOutput) -> [String: Any] {
        value(for: output).foundationObject as? [String: Any] ?? [:]
    }

    /// The JSON object for one result.
    public static func object(for result: PostResult) -> [String: Any] {
        value(for: result).foundationObject as? [String: Any] ?? [:]
    }

    /// The JSON object for one finding.
    public static func object(for f: Finding) -> [String: Any] {
        value(for: f).foundationObject as? [String: Any] ?? [:]
    }

    /// The JSON object for one rule trace.
    public static func object(for t: RuleTrace) -> [String: Any] {
        value(for: t).foundationObject as? [String: Any] ?? [:]
    }

    /// One line of compact JSON with sorted keys and unescaped slashes.
    public static func line(_ object: [String: Any]) -> String {
        JSONWriter.line(JSONValue(any: object))
    }

    /// The JSON line for one batch output (what ``JSONLinesReport`` writes), built without Foundation objects.
    public static func line(for output: BatchOutput) -> String {
        JSONWriter.line(value(for: output))
    }

    static func value(for output: BatchOutput) -> JSONValue {
        switch output {
        case .result(let line, let result):
            guard case .object(var members) = value(for: result) else { return .null }
            members.append(.init(key: "line", value: .int(line)))
            return .object(members)
        case .error(let error):
            return .object(["line": .int(error.line), "error": .string(error.message), "id": error.id.map(JSONValue.string)])
        }
    }

    static func value(for result: PostResult) -> JSONValue {
        .object([
            "id": .string(result.id),
            "flagged": .bool(result.flagged),
            "findings": .array(result.findings.map(value(for:))),
            "errors": result.errors.isEmpty ? nil : .array(result.errors.map { e in
                .object(["rule": .string(e.ruleID), "message": .string(e.message), "pattern": e.pattern.map(JSONValue.string)])
            }),
            "explanation": result.explanation.map { .array($0.map(value(for:))) },
        ])
    }

    static func value(for f: Finding) -> JSONValue {
        .object([
            "rule": .string(f.ruleID), "title": .string(f.title), "severity": .string(f.severity.rawValue),
            "category": .string(f.category), "confidence": .double(f.confidence),
            "basis": .array(f.basis.map { .string($0.citation) }),
            "message": .object(["id": .string(f.message.id), "en": f.message.en.map(JSONValue.string)]),
            "evidence": .array(f.evidence.map { e in
                .object(["pattern": .string(e.pattern), "field": .string(e.field), "start": .int(e.start), "end": .int(e.end),
                         "text": .string(e.text), "candidate": e.candidate.map(JSONValue.string)])
            }),
            "sanction": f.sanction.map(JSONValue.string),
            "candidates": f.candidates.isEmpty ? nil : .array(f.candidates.map(JSONValue.string)),
        ])
    }

    static func value(for t: RuleTrace) -> JSONValue {
        .object([
            "rule": .string(t.ruleID), "outcome": .string(t.outcome.rawValue),
            "note": t.note.isEmpty ? nil : .string(t.note),
            "matches": t.matches.isEmpty ? nil : .object(t.matches.map { .init(key: $0.key, value: .array($0.value.map(JSONValue.string))) }),
            "skipped_patterns": t.skippedPatterns.isEmpty ? nil : .array(t.skippedPatterns.map(JSONValue.string)),
            "exceptions": t.exceptions.isEmpty ? nil : .array(t.exceptions.map(JSONValue.string)),
            "confidence_steps": t.confidenceSteps.isEmpty ? nil : .array(t.confidenceSteps.map(JSONValue.string)),
            "confidence": t.confidence.map(JSONValue.double),
            "threshold": t.threshold.map(JSONValue.double),
        ])
    }
}
