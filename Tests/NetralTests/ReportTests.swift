import Foundation
import Testing
@testable import Netral

@Suite("Report writers")
struct ReportTests {
    func outputs() throws -> [(InputRecord, BatchOutput)] {
        let engine = try Engine.withDefaultRules()
        let lines = """
        {"id":"a","author":"budi","text":"Ayo coblos 02, lanjutkan!","created_at":"2024-02-05T08:00:00+07:00"}
        {"id":"b","text":"Rapat dinas jam 8"}
        {"id":
        {"id":"c","author":"budi","text":"Foto bareng Pak Anies, \\"keren\\", =SUM(A1)","created_at":"2024-02-06T08:00:00+07:00"}
        """
        var out: [(InputRecord, BatchOutput)] = []
        engine.evaluate(records: JSONLinesReader(data: Data(lines.utf8))) { out.append(($0, $1)) }
        return out
    }

    func render(_ make: (@escaping (String) -> Void) -> any ReportWriter) throws -> String {
        var text = ""
        var writer = make { text += $0 }
        for (record, output) in try outputs() { writer.write(record: record, output: output) }
        writer.finish()
        return text
    }

    @Test func jsonLinesHasOneObjectPerRecord() throws {
        let text = try render { JSONLinesReport(sink: $0) }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3, 4])
        #expect(objects[0]["flagged"] as? Bool == true)
        let finding = try #require((objects[0]["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "ASN.KAMPANYE.AJAKAN_MEMILIH")
        let evidence = try #require((finding["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["field"] as? String == "text")
        #expect(objects[2]["error"] is String)
        #expect(objects[1]["flagged"] as? Bool == false)
    }

    @Test func csvEscapesQuotesAndFormulas() throws {
        let text = try render { CSVReport(sink: $0) }
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("line,id,flagged"))
        #expect(CSVReport.escape("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(CSVReport.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(rows[3].hasPrefix("3,,,"))
    }

    @Test func summaryCountsRulesAuthorsAndDays() throws {
        let text = try render { SummaryReport(sink: $0) }
        #expect(text.contains("Records: 4   flagged: 2   unreadable: 1"))
        #expect(text.contains("ASN.KAMPANYE.AJAKAN_MEMILIH"))
        #expect(text.contains("budi") && text.contains("2024-02-05") && text.contains("2024-02-06"))
    }

    @Test func htmlIsSelfContainedWithChartsAndHighlights() throws {
        let engine = try Engine.withDefaultRules()
        let text = try render { HTMLReport(ruleSet: engine.ruleSet, sink: $0) }
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("<svg id=\"chart-rules\""))
        #expect(text.contains("<svg id=\"chart-days\""))
        #expect(text.contains("class=\"campaign\""), "the Pilpres campaign period is shaded")
        #expect(text.contains("<mark>Ayo coblos</mark> <mark>02</mark>"))
        #expect(text.contains("&quot;keren&quot;"), "text is HTML-escaped")
        #expect(!text.contains("<script"))
        #expect(text.contains("Dasar:"))
    }

    @Test func textHighlightsEvidenceWithoutColor() throws {
        let text = try render { TextReport(color: false, sink: $0) }
        #expect(text.contains("\"[Ayo coblos] [02], [lanjutkan]!\""))
        #expect(text.contains("unreadable record"))
        #expect(text.contains("4 record(s) · 2 flagged · 1 unreadable"))
    }

    @Test func resultLinesAreWhatTheirJSONValueWrites() throws {
        // The dev set's results (findings with evidence, candidates, messages), each also varied in
        // every member that is left out when empty or absent, and with errors and escapes added.
        let engine = try Engine.withDefaultRules()
        let data = try Data(contentsOf: packageRoot.appending(path: "Tests/NetralTests/Resources/dev-set.jsonl"))
        var outputs: [BatchOutput] = []
        engine.evaluate(records: JSONLinesReader(data: data)) { _, output in outputs.append(output) }
        var varied: [BatchOutput] = []
        for case .result(let line, var result) in outputs where result.flagged {
            result.id += "\"\\\n\u{1}/é"
            result.findings[0].candidates = []
            result.findings[0].sanction = nil
            result.findings[0].message.en = nil
            result.findings[0].confidence = 1
            result.findings[0].evidence[0].candidate = result.findings[0].evidence[0].candidate == nil ? "02" : nil
            result.errors = [RuleError(ruleID: "R", pattern: nil, message: "match limit"), RuleError(ruleID: "S", pattern: "p", message: "\t")]
            varied.append(.result(line: line, result))
        }
        let all = outputs + varied + [.error(RecordError(line: 9, id: nil, message: "not JSON"))]
        #expect(outputs.filter { if case .result(_, let r) = $0 { r.flagged } else { false } }.count > 100)
        for output in all {
            #expect(ResultJSON.line(for: output) == JSONWriter.line(ResultJSON.value(for: output)))
            #expect(ResultJSON.line(for: output, newline: true) == ResultJSON.line(for: output) + "\n")
        }
    }
}
