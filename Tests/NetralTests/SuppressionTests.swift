import Foundation
import Testing
@testable import Netral

/// A rule file holding only `suppress:` entries, each given as the lines of its mapping.
private func suppressions(_ entries: String...) -> String {
    "suppress:\n" + entries.map { entry in
        entry.split(separator: "\n").enumerated().map { i, line in (i == 0 ? "  - " : "    ") + line }.joined(separator: "\n")
    }.joined(separator: "\n") + "\n"
}

@Suite("Suppressions: the suppress: entries of rule files")
struct SuppressionLoadingTests {
    @Test func entriesLoadWithTheirLocations() throws {
        let rules = try Fixtures.load(Fixtures.profile, Fixtures.support, suppressions(
            "rule: T.DUKUNG\npost: \"1750000000000000001\"\nreason: dua jari tim futsal",
            "author: '@Budi'\nevidence: Coblos 02\nreason: ditinjau"))
        #expect(rules.suppressions.count == 2)
        let first = try #require(rules.suppressions.first)
        #expect(first.rule == "T.DUKUNG")
        #expect(first.post == "1750000000000000001", "a long number stays the id as written")
        #expect(first.reason == "dua jari tim futsal")
        #expect(first.location == SourceLocation(file: "fixture2.yml", line: 2, column: 5))
        #expect(rules.suppressions[1].author == "@Budi" && rules.suppressions[1].evidence == "Coblos 02")
    }

    @Test func anEntryNeedsAReasonAndSomethingToRecogniseFindingsBy() {
        let missingReason = Fixtures.failures(suppressions("post: \"12\""))
        #expect(missingReason.map(\.code) == ["NR202"])
        #expect(missingReason.first?.location == SourceLocation(file: "fixture0.yml", line: 2, column: 5))
        let noCriteria = Fixtures.failures(suppressions("reason: semua"))
        #expect(noCriteria.map(\.code) == ["NR270"])
        #expect(noCriteria.first?.hint?.contains("disable:") == true)
        let blank = Fixtures.failures(suppressions("post: ''\nreason: kosong", "post: '12'\nreason: '  '", "rule: '*'\nreason: semua"))
        #expect(blank.map(\.code) == ["NR270", "NR270", "NR270"])
        #expect(blank.map { $0.location?.line } == [2, 5, 6])
        #expect(blank.first?.location?.column == 11)
    }

    @Test func aMisspelledKeyIsOneErrorWithASuggestion() {
        let d = Fixtures.failures(suppressions("pots: '12'\nreason: salah ketik"))
        #expect(d.map(\.code) == ["NR203"], "no second error saying the entry names nothing")
        #expect(d.first?.hint == "did you mean \"post\"?")
    }

    @Test func aRuleThatIsNotLoadedIsAWarningWithASuggestion() throws {
        let rules = try Fixtures.load(Fixtures.profile, Fixtures.support, suppressions(
            "rule: T.DUKUNK\nreason: salah ketik", "rule: T.*\nreason: semua aturan T", "rule: X.*\nreason: tidak ada"))
        let warnings = rules.diagnostics.filter { $0.code == "NR271" }
        #expect(warnings.map { $0.location?.line } == [2, 6], "a prefix that covers a loaded rule is fine")
        #expect(warnings.first?.hint == "did you mean \"T.DUKUNG\"?")
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }
}

@Suite("Suppressions: entries made in code")
struct SuppressionsInCodeTests {
    let here = SourceLocation(file: "triage-db", line: 7, column: 1)

    func loader(_ entries: [Suppression]) -> RuleSetLoader {
        var loader = RuleSetLoader()
        loader.addSource(Fixtures.profile, name: "fixture0.yml")
        loader.addSource(Fixtures.support, name: "fixture1.yml")
        loader.suppressions = entries
        return loader
    }

    @Test func theyApplyAfterTheFilesEntries() throws {
        var loader = loader([Suppression(rule: "T.DUKUNG", post: "9", reason: "ditinjau", location: here)])
        loader.addSource("suppress:\n  - {post: '9', rule: T.*, reason: dari berkas}\n", name: "triage.yml")
        let rules = try loader.load()
        #expect(rules.suppressions.map(\.reason) == ["dari berkas", "ditinjau"])
        let result = try Engine(ruleSet: rules).evaluate(Post(id: "9", text: "ayo coblos 02"))
        #expect(!result.flagged && result.suppressed.first?.suppression.reason == "dari berkas", "the file's entry comes first")
        let alone = try Engine(ruleSet: self.loader([Suppression(rule: "T.DUKUNG", post: "9", reason: "ditinjau", location: here)]).load())
        #expect(alone.evaluate(Post(id: "9", text: "ayo coblos 02")).suppressed.first?.suppression.location == here)
    }

    @Test func theyAreCheckedLikeAFilesEntries() {
        for bad in [Suppression(reason: "semua", location: here), Suppression(post: "9", reason: " ", location: here),
                    Suppression(rule: "*", reason: "semua", location: here)] {
            do {
                _ = try loader([bad]).load()
                Issue.record("\(bad) loaded")
            } catch {
                #expect(error.errors.map(\.code) == ["NR270"])
                #expect(error.errors.first?.location == here)
            }
        }
        let warned = try? loader([Suppression(rule: "T.DUKUNK", reason: "salah ketik", location: here)]).load()
        #expect(warned?.diagnostics.first { $0.code == "NR271" }?.location == here)
    }
}

@Suite("Suppressions: which findings an entry covers")
struct SuppressionMatchingTests {
    let here = SourceLocation(file: "t.yml", line: 1, column: 1)
    let finding = Finding(ruleID: "ASN.GESTUR.SIMBOL_JARI", title: "t", severity: .medium, category: "c", confidence: 0.8,
                          basis: [], sanction: nil, message: Message(id: "m", en: nil), candidates: [],
                          evidence: [Evidence(pattern: "gestur", field: "text", start: 0, end: 6, text: "Salam 2 Jari", candidate: nil)])
    let post = Post(id: "42", author: "@Budi.PNS", text: "Salam 2 Jari")

    @Test func ruleIsAnIdOrAPrefixEndingInAStar() {
        #expect(Suppression(rule: "ASN.GESTUR.SIMBOL_JARI", reason: "r", location: here).suppresses(finding, of: post))
        #expect(Suppression(rule: "ASN.GESTUR.*", reason: "r", location: here).suppresses(finding, of: post))
        #expect(!Suppression(rule: "ASN.GESTUR", reason: "r", location: here).suppresses(finding, of: post), "no star, no prefix")
        #expect(!Suppression(rule: "ASN.KAMPANYE.*", reason: "r", location: here).suppresses(finding, of: post))
    }

    @Test func authorIgnoresCaseAndTheAtSign() {
        #expect(Suppression(author: "budi.pns", reason: "r", location: here).suppresses(finding, of: post))
        #expect(Suppression(author: " @BUDI.PNS", reason: "r", location: here).suppresses(finding, of: post))
        #expect(!Suppression(author: "budi", reason: "r", location: here).suppresses(finding, of: post))
        #expect(!Suppression(author: "budi.pns", reason: "r", location: here).suppresses(finding, of: Post(id: "42", text: "x")),
                "a post without an author is not covered by an author")
    }

    @Test func evidenceIsTextAQuoteContainsIgnoringCase() {
        #expect(Suppression(evidence: "2 jari", reason: "r", location: here).suppresses(finding, of: post))
        #expect(!Suppression(evidence: "3 jari", reason: "r", location: here).suppresses(finding, of: post))
    }

    @Test func theIndexFindsTheSameFirstEntryAsReadingEveryEntry() {
        // Random entries over a few posts, authors, rules and evidence texts, some naming several at once.
        var random = SplitMix(state: 11)
        let ids = ["1", "2", "3", "4"], authors = ["@budi", "Sari", "@ANI"], rules = ["ASN.GESTUR.SIMBOL_JARI", "ASN.GESTUR.*", "ASN.KAMPANYE.*"]
        func pick(_ values: [String]) -> String? { random.next(3) == 0 ? values[random.next(values.count)] : nil }
        var entries: [Suppression] = []
        for i in 0..<400 {
            let entry = Suppression(rule: pick(rules), post: pick(ids), author: pick(authors), evidence: random.next(4) == 0 ? "jari" : nil,
                                    reason: "r\(i)", location: SourceLocation(file: "t.yml", line: i + 1, column: 5))
            if entry.rule != nil || entry.post != nil || entry.author != nil || entry.evidence != nil { entries.append(entry) }
        }
        let index = SuppressionIndex(entries)
        var compared = 0
        for id in ids + ["5"] {
            for author in [nil, "budi", "@sari", "Ani", "eko"] {
                let post = Post(id: id, author: author, text: "Salam 2 Jari")
                var kampanye = finding
                kampanye.ruleID = "ASN.KAMPANYE.AJAKAN_MEMILIH"
                var result = PostResult(id: id, findings: [finding, kampanye], errors: [])
                result.apply(index, to: post)
                for f in [finding, kampanye] {
                    let expected = entries.first { $0.suppresses(f, of: post) }
                    let got = result.suppressed.first { $0.finding == f }?.suppression
                    #expect(got == expected, "post \(id), author \(author ?? "-"), rule \(f.ruleID)")
                    compared += expected == nil ? 0 : 1
                }
                #expect(result.findings.count + result.suppressed.count == 2)
            }
        }
        #expect(compared > 20, "most cases are covered by some entry")
    }

    @Test func everyCriterionGivenMustHold() {
        #expect(Suppression(rule: "ASN.GESTUR.*", post: "42", author: "budi.pns", evidence: "jari", reason: "r", location: here)
            .suppresses(finding, of: post))
        #expect(!Suppression(rule: "ASN.GESTUR.*", post: "43", author: "budi.pns", reason: "r", location: here).suppresses(finding, of: post))
        #expect(!Suppression(rule: "ASN.KAMPANYE.*", post: "42", reason: "r", location: here).suppresses(finding, of: post))
    }
}

@Suite("Suppressions: what the engine and the reports do with them")
struct SuppressedResultTests {
    func engine(_ entries: String..., explain: Bool = false) throws -> Engine {
        var options = EngineOptions()
        options.explain = explain
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        loader.addSource("suppress:\n" + entries.joined(separator: "\n") + "\n", name: "triage.yml")
        return try Engine(ruleSet: loader.load(), options: options)
    }

    let post = Post(id: "7", author: "budi", text: "Ayo coblos 02, lanjutkan! ✌️")

    @Test func aCoveredFindingLeavesTheFindingsWithItsEntry() throws {
        let plain = try Engine.withDefaultRules().evaluate(post)
        let rules = Set(plain.findings.map(\.ruleID))
        #expect(rules.contains("ASN.KAMPANYE.AJAKAN_MEMILIH") && rules.count >= 2)
        let result = try engine("  - {rule: ASN.KAMPANYE.AJAKAN_MEMILIH, post: '7', reason: ditinjau}").evaluate(post)
        #expect(Set(result.findings.map(\.ruleID)) == rules.subtracting(["ASN.KAMPANYE.AJAKAN_MEMILIH"]))
        #expect(result.suppressed.map(\.finding.ruleID) == ["ASN.KAMPANYE.AJAKAN_MEMILIH"])
        #expect(result.suppressed.first?.finding == plain.findings.first { $0.ruleID == "ASN.KAMPANYE.AJAKAN_MEMILIH" })
        #expect(result.suppressed.first?.suppression.location == SourceLocation(file: "triage.yml", line: 2, column: 5))
        #expect(result.flagged)
        let other = try engine("  - {rule: ASN.KAMPANYE.AJAKAN_MEMILIH, post: '8', reason: ditinjau}").evaluate(post)
        #expect(other.findings == plain.findings && other.suppressed.isEmpty, "another post's entry leaves this one alone")
    }

    @Test func aPostWhoseFindingsAreAllSuppressedIsNotFlagged() throws {
        let result = try engine("  - {author: '@Budi', reason: akun uji}").evaluate(post)
        #expect(!result.flagged)
        #expect(result.findings.isEmpty && result.suppressed.count >= 2)
        #expect(result.suppressed.allSatisfy { $0.suppression.reason == "akun uji" })
    }

    @Test func theExplanationSaysWhichEntrySuppressedTheRule() throws {
        let result = try engine("  - {rule: ASN.KAMPANYE.AJAKAN_MEMILIH, reason: ditinjau}", explain: true).evaluate(post)
        let trace = try #require(result.explanation?.first { $0.ruleID == "ASN.KAMPANYE.AJAKAN_MEMILIH" })
        #expect(trace.outcome == .suppressed)
        #expect(trace.note == "suppressed by triage.yml:2:5: ditinjau")
        #expect(result.explanation?.contains { $0.outcome == .flagged } == true, "the other rules still fire")
    }

    @Test func reportsListAndCountSuppressedFindings() throws {
        let engine = try engine("  - {author: budi, rule: ASN.KAMPANYE.*, reason: ditinjau}")
        let lines = """
        {"id":"a","author":"budi","text":"Ayo coblos 02, lanjutkan!"}
        {"id":"b","author":"sari","text":"Ayo coblos 02, lanjutkan!"}
        """
        var outputs: [(InputRecord, BatchOutput)] = []
        engine.evaluate(records: JSONLinesReader(data: Data(lines.utf8))) { outputs.append(($0, $1)) }
        guard case .result(_, let first) = outputs[0].1 else { Issue.record("not a result"); return }
        #expect(!first.suppressed.isEmpty)

        let json = try #require(JSONSerialization.jsonObject(with: Data(ResultJSON.line(for: outputs[0].1).utf8)) as? [String: Any])
        let listed = try #require(json["suppressed"] as? [[String: Any]])
        #expect(listed.count == first.suppressed.count)
        #expect(listed.first?["at"] as? String == "triage.yml:2:5")
        #expect(listed.first?["reason"] as? String == "ditinjau")
        #expect(listed.allSatisfy { ($0["rule"] as? String)?.hasPrefix("ASN.KAMPANYE.") == true })
        #expect(ResultJSON.line(for: outputs[0].1) == JSONWriter.line(ResultJSON.value(for: outputs[0].1)))
        #expect(!ResultJSON.line(for: outputs[1].1).contains("suppressed"), "absent when nothing is suppressed")

        func render(_ make: (@escaping (String) -> Void) -> any ReportWriter) -> String {
            var text = ""
            var writer = make { text += $0 }
            for (record, output) in outputs { writer.write(record: record, output: output) }
            writer.finish()
            return text
        }
        let n = first.suppressed.count
        #expect(render { TextReport(color: false, sink: $0) }.contains("· \(n) finding(s) suppressed"))
        let summary = render { SummaryReport(sink: $0) }
        #expect(summary.contains("suppressed findings: \(n)"))
        #expect(summary.contains("triage.yml:2:5: ditinjau  \(n)"))
        let csv = render { CSVReport(sink: $0) }.split(separator: "\n")
        #expect(csv[0].hasSuffix(",error,suppressed"))
        #expect(csv[1].hasSuffix(",," + first.suppressed.map(\.finding.ruleID).joined(separator: ";")))
        let html = render { HTMLReport(ruleSet: engine.ruleSet, sink: $0) }
        #expect(html.contains("<b>\(n)</b>temuan dikecualikan"))
        let table = try #require(html.range(of: "<table id=\"suppressed\">").map { html[$0.lowerBound...] })
        #expect(table.components(separatedBy: "<td>ditinjau</td>").count - 1 == n, "one row per suppressed finding, with its reason")
        #expect(table.contains("<td>1</td><td>a</td><td>ASN.KAMPANYE."))
    }
}
