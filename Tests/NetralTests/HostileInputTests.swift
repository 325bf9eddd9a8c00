import Foundation
import Testing
@testable import Netral

@Suite("Hostile posts")
struct HostilePostTests {
    func records(_ bytes: [UInt8]) -> [InputRecord] { Array(JSONLinesReader(data: Data(bytes))) }

    @Test func deeplyNestedJSONIsRefusedWithoutRecursing() {
        let deep = "{\"id\":\"d\",\"x\":" + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}\n{\"id\":\"ok\"}"
        let out = records(Array(deep.utf8))
        #expect(out.count == 2)
        if case .failure(let e) = out[0].post { #expect(e.message.contains("nested deeper than 64")) } else { Issue.record("accepted") }
        #expect((try? out[1].post.get())?.id == "ok")
    }

    @Test func nulBytesLoneSurrogatesAndDirectionMarks() throws {
        let engine = try Engine.withDefaultRules()
        let lines = [
            #"{"id":"nul","text":"ayo coblos\u0000 02"}"#,
            #"{"id":"sur","text":"ayo \ud800 coblos 02"}"#,
            "{\"id\":\"rtl\",\"text\":\"\u{202E}ayo coblos 02\u{202C} \u{200B}\"}",
            #"{"id":"dup","text":"ayo coblos 02"}"#,
            #"{"id":"dup","text":"selamat pagi"}"#,
        ].joined(separator: "\n")
        var outputs: [BatchOutput] = []
        engine.evaluate(records: JSONLinesReader(data: Data(lines.utf8))) { outputs.append($1) }
        #expect(outputs.count == 5, "one output per record")
        func flagged(_ i: Int) -> Bool? { if case .result(_, let r) = outputs[i] { return r.flagged } else { return nil } }
        #expect(flagged(0) == true)
        // A lone surrogate either decodes (as U+FFFD) or is reported; it never crashes.
        #expect(flagged(1) == true || { if case .error = outputs[1] { return true } else { return false } }())
        #expect(flagged(2) == true, "bidi and zero-width characters are removed before matching")
        #expect(flagged(3) == true)
        #expect(flagged(4) == false, "duplicate ids are evaluated independently")
    }

    @Test func tenMegabyteRecordIsProcessed() throws {
        let engine = try Engine.withDefaultRules()
        let big = String(repeating: "kerja bakti ", count: 900_000) + "ayo coblos 02"
        let line = ResultJSON.line(["id": "big", "text": big])
        #expect(line.utf8.count > 10_000_000)
        var outputs: [BatchOutput] = []
        engine.evaluate(records: JSONLinesReader(data: Data(line.utf8))) { outputs.append($1) }
        guard case .result(_, let result) = outputs.first else { Issue.record("no result"); return }
        #expect(result.flagged)
    }

    @Test func everyRecordOfAMixedFileMatchesItsResultAlone() throws {
        let engine = try Engine.withDefaultRules()
        let text = try String(contentsOf: packageRoot.appending(path: "Examples/data/malformed.jsonl"), encoding: .utf8)
            + "\n" + (try String(contentsOf: packageRoot.appending(path: "Examples/data/posts.jsonl"), encoding: .utf8))
        var batch: [(Int, [String: Any])] = []
        engine.evaluate(records: JSONLinesReader(data: Data(text.utf8))) { record, output in
            batch.append((record.line, ResultJSON.object(for: output)))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(batch.count == lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count)
        #expect(batch.map(\.0) == batch.map(\.0).sorted())
        for (line, object) in batch where object["error"] == nil {
            let alone = JSONLinesReader(data: Data(lines[line - 1].utf8)).map { $0 }
            guard case .success(let post) = alone.first?.post else { Issue.record("line \(line) did not parse alone"); continue }
            let single = ResultJSON.object(for: engine.evaluate(post))
            #expect(ResultJSON.line(single) == ResultJSON.line(object.filter { $0.key != "line" }), "line \(line)")
        }
    }
}

@Suite("Hostile rules")
struct HostileRuleTests {
    @Test func oversizedRuleFileIsRefused() {
        var loader = RuleSetLoader()
        loader.maxFileBytes = 1_000
        loader.addSource("rules: []\n# " + String(repeating: "x", count: 2_000))
        do {
            _ = try loader.load()
            Issue.record("accepted")
        } catch {
            #expect(error.errors.first?.code == "NR101")
        }
    }

    @Test func recursiveAliasIsAnError() {
        let errors = Fixtures.failures("a: &a [1, *a]\n")
        #expect(!errors.isEmpty)
    }

    @Test func pathologicalPatternsAreWarnedAndBoundedAtRunTime() throws {
        let source = """
        rules:
          - id: H.1
            title: nested
            severity: low
            category: uji
            basis: [uji]
            patterns:
              a: {regex: '(.*a){20}', view: original}
              b: {regex: '(x+x+)+y', view: original}
            condition: a or b
        """
        let set = try Fixtures.load(source)
        #expect(set.diagnostics.filter { $0.code == "NR301" }.count == 2)
        var options = EngineOptions()
        options.matchLimits.matchLimit = 100_000
        let engine = try Engine(ruleSet: set, options: options)
        let started = ContinuousClock.now
        let results = engine.evaluate([
            Post(id: "1", text: String(repeating: "a", count: 3_000)),
            Post(id: "2", text: String(repeating: "x", count: 3_000) + "!y"),
            Post(id: "3", text: "biasa saja"),
        ])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(results.map(\.id) == ["1", "2", "3"])
        #expect(results[1].errors.first?.ruleID == "H.1")
        #expect(results[2].errors.isEmpty)
    }
}
