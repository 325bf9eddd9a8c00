import Foundation

/// The JSON form of results: what `--format jsonl` writes, one object per input record.
///
/// A result: `{"id", "line", "flagged", "findings": [...], "errors": [...], "suppressed": [...]}` (`errors`
/// and `suppressed` only when not empty; a suppressed finding is `{"at", "reason", "rule", "severity"}`: the
/// rule, and where the entry that covers it is written and why); a record that could not be read:
/// `{"line", "id"?, "error"}`.
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

    /// The JSON line for one batch output (what ``JSONLinesReport`` writes), built without Foundation
    /// objects; with `newline`, ending in "\n" (written with the rest instead of copied onto it).
    public static func line(for output: BatchOutput, newline: Bool = false) -> String {
        var writer = JSONWriter()
        switch output {
        case .result(let line, let result) where result.explanation == nil:
            // The common line, written member by member: what `value(for:)` would give, without
            // building it first (a test checks that both agree).
            write(result, line: line, into: &writer)
        default:
            writer.write(value(for: output))
        }
        if newline { writer.append("\n") }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Writes a result without an explanation, members in key order, as `value(for:)` lists them.
    private static func write(_ result: PostResult, line: Int, into w: inout JSONWriter) {
        w.append("{")
        if !result.errors.isEmpty {
            w.append("\"errors\":[")
            for (i, e) in result.errors.enumerated() {
                w.write(i > 0 ? ",{\"message\":" : "{\"message\":", string: e.message)
                w.write(",\"pattern\":", ifPresent: e.pattern)
                w.write(",\"rule\":", string: e.ruleID)
                w.append("}")
            }
            w.append("],")
        }
        w.append("\"findings\":[")
        for (i, f) in result.findings.enumerated() {
            if i > 0 { w.append(",") }
            write(f, into: &w)
        }
        w.write(result.flagged ? "],\"flagged\":true,\"id\":" : "],\"flagged\":false,\"id\":", string: result.id)
        w.append(",\"line\":")
        w.write(int: line)
        if !result.suppressed.isEmpty {
            w.append(",\"suppressed\":")
            w.write(.array(result.suppressed.map(value(for:))))
        }
        w.append("}")
    }

    private static func write(_ f: Finding, into w: inout JSONWriter) {
        w.write("{\"basis\":", strings: f.basis.lazy.map(\.citation))
        if !f.candidates.isEmpty { w.write(",\"candidates\":", strings: f.candidates) }
        w.write(",\"category\":", string: f.category)
        w.append(",\"confidence\":")
        w.write(JSONValue.double(f.confidence))
        w.append(",\"evidence\":[")
        for (i, e) in f.evidence.enumerated() {
            w.append(i > 0 ? ",{" : "{")
            if let candidate = e.candidate {
                w.write("\"candidate\":", string: candidate)
                w.append(",")
            }
            w.append("\"end\":")
            w.write(int: e.end)
            w.write(",\"field\":", string: e.field)
            w.write(",\"pattern\":", string: e.pattern)
            w.append(",\"start\":")
            w.write(int: e.start)
            w.write(",\"text\":", string: e.text)
            w.append("}")
        }
        w.append("],\"message\":{")
        if let en = f.message.en {
            w.write("\"en\":", string: en)
            w.append(",")
        }
        w.write("\"id\":", string: f.message.id)
        w.write("},\"rule\":", string: f.ruleID)
        w.write(",\"sanction\":", ifPresent: f.sanction)
        w.write(",\"severity\":", string: f.severity.rawValue)
        w.write(",\"title\":", string: f.title)
        w.append("}")
    }

    // Members are listed in key order, which the writer then need not sort.

    static func value(for output: BatchOutput) -> JSONValue {
        switch output {
        case .result(let line, let result):
            guard case .object(var members) = value(for: result) else { return .null }
            members.append(.init(key: "line", value: .int(line)))
            return .object(members)
        case .error(let error):
            return .object(["error": .string(error.message), "id": error.id.map(JSONValue.string), "line": .int(error.line)])
        }
    }

    static func value(for result: PostResult) -> JSONValue {
        .object([
            "errors": result.errors.isEmpty ? nil : .array(result.errors.map { e in
                .object(["message": .string(e.message), "pattern": e.pattern.map(JSONValue.string), "rule": .string(e.ruleID)])
            }),
            "explanation": result.explanation.map { .array($0.map(value(for:))) },
            "findings": .array(result.findings.map(value(for:))),
            "flagged": .bool(result.flagged),
            "id": .string(result.id),
            "suppressed": result.suppressed.isEmpty ? nil : .array(result.suppressed.map(value(for:))),
        ])
    }

    static func value(for s: SuppressedFinding) -> JSONValue {
        .object([
            "at": .string(s.suppression.location.description), "reason": .string(s.suppression.reason),
            "rule": .string(s.finding.ruleID), "severity": .string(s.finding.severity.rawValue),
        ])
    }

    static func value(for f: Finding) -> JSONValue {
        .object([
            "basis": .array(f.basis.map { .string($0.citation) }),
            "candidates": f.candidates.isEmpty ? nil : .array(f.candidates.map(JSONValue.string)),
            "category": .string(f.category), "confidence": .double(f.confidence),
            "evidence": .array(f.evidence.map { e in
                .object(["candidate": e.candidate.map(JSONValue.string), "end": .int(e.end), "field": .string(e.field),
                         "pattern": .string(e.pattern), "start": .int(e.start), "text": .string(e.text)])
            }),
            "message": .object(["en": f.message.en.map(JSONValue.string), "id": .string(f.message.id)]),
            "rule": .string(f.ruleID), "sanction": f.sanction.map(JSONValue.string), "severity": .string(f.severity.rawValue),
            "title": .string(f.title),
        ])
    }

    static func value(for t: RuleTrace) -> JSONValue {
        .object([
            "confidence": t.confidence.map(JSONValue.double),
            "confidence_steps": t.confidenceSteps.isEmpty ? nil : .array(t.confidenceSteps.map(JSONValue.string)),
            "exceptions": t.exceptions.isEmpty ? nil : .array(t.exceptions.map(JSONValue.string)),
            "matches": t.matches.isEmpty ? nil : .object(t.matches.map { .init(key: $0.key, value: .array($0.value.map(JSONValue.string))) }),
            "note": t.note.isEmpty ? nil : .string(t.note),
            "outcome": .string(t.outcome.rawValue), "rule": .string(t.ruleID),
            "skipped_patterns": t.skippedPatterns.isEmpty ? nil : .array(t.skippedPatterns.map(JSONValue.string)),
            "threshold": t.threshold.map(JSONValue.double),
        ])
    }
}
