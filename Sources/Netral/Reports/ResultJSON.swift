import Foundation

/// The JSON form of results: what `--format jsonl` writes, one object per input record.
///
/// A result: `{"id", "line", "flagged", "findings": [...], "errors": [...]}`; a record that could not
/// be read: `{"line", "id"?, "error"}`.
public enum ResultJSON {
    /// The JSON object for one batch output.
    public static func object(for output: BatchOutput) -> [String: Any] {
        switch output {
        case .result(let line, let result):
            var o = object(for: result)
            o["line"] = line
            return o
        case .error(let error):
            var o: [String: Any] = ["line": error.line, "error": error.message]
            if let id = error.id { o["id"] = id }
            return o
        }
    }

    /// The JSON object for one result.
    public static func object(for result: PostResult) -> [String: Any] {
        var o: [String: Any] = [
            "id": result.id,
            "flagged": result.flagged,
            "findings": result.findings.map(object(for:)),
        ]
        if !result.errors.isEmpty {
            o["errors"] = result.errors.map { e -> [String: Any] in
                var d: [String: Any] = ["rule": e.ruleID, "message": e.message]
                if let p = e.pattern { d["pattern"] = p }
                return d
            }
        }
        if let explanation = result.explanation { o["explanation"] = explanation.map(object(for:)) }
        return o
    }

    /// The JSON object for one finding.
    public static func object(for f: Finding) -> [String: Any] {
        var o: [String: Any] = [
            "rule": f.ruleID, "title": f.title, "severity": f.severity.rawValue, "category": f.category,
            "confidence": f.confidence,
            "basis": f.basis.map(\.citation),
            "message": f.message.en.map { ["id": f.message.id, "en": $0] } ?? ["id": f.message.id],
            "evidence": f.evidence.map { e -> [String: Any] in
                var d: [String: Any] = ["pattern": e.pattern, "field": e.field, "start": e.start, "end": e.end, "text": e.text]
                if let c = e.candidate { d["candidate"] = c }
                return d
            },
        ]
        if let s = f.sanction { o["sanction"] = s }
        if !f.candidates.isEmpty { o["candidates"] = f.candidates }
        return o
    }

    /// The JSON object for one rule trace.
    public static func object(for t: RuleTrace) -> [String: Any] {
        var o: [String: Any] = ["rule": t.ruleID, "outcome": t.outcome.rawValue]
        if !t.note.isEmpty { o["note"] = t.note }
        if !t.matches.isEmpty { o["matches"] = t.matches }
        if !t.skippedPatterns.isEmpty { o["skipped_patterns"] = t.skippedPatterns }
        if !t.exceptions.isEmpty { o["exceptions"] = t.exceptions }
        if !t.confidenceSteps.isEmpty { o["confidence_steps"] = t.confidenceSteps }
        if let c = t.confidence { o["confidence"] = c }
        if let th = t.threshold { o["threshold"] = th }
        return o
    }

    /// One line of compact JSON with sorted keys and unescaped slashes.
    public static func line(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return #"{"error":"result could not be encoded"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }
}
