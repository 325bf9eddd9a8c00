import Foundation
import Testing
@testable import Netral

/// A minimal valid rule, with `extra` lines appended inside the rule mapping.
private func rule(id: String = "T.A", _ extra: String = "", patterns: String = "      p: 'coblos'") -> String {
    """
    rules:
      - id: \(id)
        title: Uji
        severity: low
        category: uji
        basis: [uji]
        patterns:
    \(patterns)
    \(extra)
    """
}

@Suite("Loader: located errors")
struct LoaderErrorTests {
    func only(_ diagnostics: [Diagnostic], _ code: String) throws -> Diagnostic {
        let matching = diagnostics.filter { $0.code == code }
        #expect(matching.count == 1, "expected one \(code), got \(diagnostics.map(\.description))")
        return try #require(matching.first)
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() throws {
        let d = try only(Fixtures.failures("rules:\n  - id: T.A\n    title: [unclosed\n"), "NR100")
        #expect(d.location?.file == "fixture0.yml")
        #expect(d.location?.line == 4)
        #expect(d.message.contains("YAML syntax"))
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let d = try only(Fixtures.failures(rule("    paterns: {}")), "NR203")
        #expect(d.location?.line == 9)
        #expect(d.location?.column == 5)
        #expect(d.hint == "did you mean \"patterns\"?")
        #expect(d.ruleID == "T.A")
        #expect(d.description.hasPrefix("fixture0.yml:9:5: error[NR203]: unknown key \"paterns\" in rule (rule T.A)"))
    }

    @Test func wrongTypeIsNamed() throws {
        let d = try only(Fixtures.failures(rule("    actions: like")), "NR204")
        #expect(d.location?.line == 9)
        #expect(d.location?.column == 14)
        #expect(d.message.contains("must be a list"))
    }

    @Test func missingFieldPointsAtTheRule() throws {
        let d = try only(Fixtures.failures("rules:\n  - id: T.A\n    severity: low\n    category: x\n    basis: [x]\n    patterns: {p: a}\n"), "NR202")
        #expect(d.message == "rule has no \"title\"")
        #expect(d.location?.line == 2)
        #expect(d.location?.column == 5)
    }

    @Test func duplicateIdNamesTheFirst() throws {
        let d = try only(Fixtures.failures(rule(), rule()), "NR260")
        #expect(d.location?.file == "fixture1.yml")
        #expect(d.message.contains("fixture0.yml:2:5"))
        #expect(d.hint?.contains("override: true") == true)
    }

    @Test func unknownListPointsInsideThePattern() throws {
        let d = try only(Fixtures.failures(rule(patterns: "      p: 'coblos {{candidat.names}}'")), "NR222")
        #expect(d.location?.line == 8)
        // The quote is at column 10; "{{" follows "coblos ", so it starts at column 18.
        #expect(d.location?.column == 18)
        #expect(d.message.contains("unknown list 'candidat.names'"))
        #expect(d.hint == "did you mean {{candidate.names}}?")
    }

    @Test func patternPCRE2RejectsIsLocatedAtItsOffset() throws {
        let d = try only(Fixtures.failures(rule(patterns: "      p: 'coblos (0?2'")), "NR223")
        #expect(d.message.contains("missing closing parenthesis"))
        #expect(d.location?.line == 8)
        // PCRE2 stops at the end of the pattern (offset 11), after the quote at column 10.
        #expect(d.location?.column == 22)
    }

    @Test func patternErrorAfterAListReferenceMapsBack() throws {
        let d = try only(Fixtures.failures(Fixtures.profile, rule(patterns: "      p: '{{candidate.names}} x{2,1}'")), "NR223")
        #expect(d.location?.line == 8)
        // The bad quantifier's '}' is at offset 25 of the pattern as written, not of its expansion.
        #expect(d.location?.column == 36)
    }

    @Test func blockScalarPatternErrorsGetTheirLine() throws {
        let d = try only(Fixtures.failures(rule(patterns: "      p: |\n        coblos\n        (unclosed")), "NR223")
        #expect(d.location?.line == 10)
    }

    @Test func conditionErrors() throws {
        let unknown = try only(Fixtures.failures(rule("    condition: p and q")), "NR221")
        #expect(unknown.location?.line == 9)
        #expect(unknown.location?.column == 22)
        let syntax = try only(Fixtures.failures(rule("    condition: p and (p or")), "NR220")
        #expect(syntax.message.contains("expected a pattern name"))
        #expect(syntax.location?.column == 27)
        let function = try only(Fixtures.failures(rule("    condition: nearby(p, p, 2)")), "NR220")
        #expect(function.message.contains("unknown function 'nearby'"))
    }

    @Test func badExampleIsReported() throws {
        let d = try only(Fixtures.failures(rule("    examples:\n      match: [{action: dance, text: hi}]")), "NR230")
        #expect(d.location?.line == 10)
        #expect(d.message.contains("unknown \"action\" \"dance\""))
    }

    @Test func badSeverityAndField() throws {
        let all = Fixtures.failures(rule(patterns: "      p: {regex: a, fields: [txt]}").replacingOccurrences(of: "severity: low", with: "severity: severe"))
        #expect(all.contains { $0.code == "NR205" && $0.location?.line == 4 })
        #expect(all.contains { $0.code == "NR207" && $0.hint == "did you mean \"text\"?" })
    }

    @Test func everyProblemIsReportedAtOnce() {
        let all = Fixtures.failures(rule("    paterns: x\n    condition: q"), rule(id: "bad id!", patterns: "      p: '('"))
        let codes = Set(all.map(\.code))
        #expect(codes.isSuperset(of: ["NR203", "NR221", "NR201", "NR223"]))
    }

    @Test func hostileYAMLIsRefusedQuickly() throws {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            laughs += "\(Character(UnicodeScalar(97 + i)!)): &\(Character(UnicodeScalar(97 + i)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + i)!))", count: 10).joined(separator: ", ") + "]\n"
        }
        laughs += "rules: *j\n"
        let started = ContinuousClock.now
        let billion = Fixtures.failures(laughs)
        #expect(billion.contains { $0.code == "NR103" })
        let deep = Fixtures.failures("rules: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect(deep.contains { $0.code == "NR102" })
        let dashes = Fixtures.failures("rules:\n" + String(repeating: "- ", count: 5_000) + "x\n")
        #expect(dashes.contains { $0.code == "NR102" })
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}

@Suite("Loader: formats, overrides, lint")
struct LoaderBehaviourTests {
    @Test func jsonLoadsTheSameModel() throws {
        let json = """
        {"rules": [{"id": "T.J", "title": "Uji", "severity": "high", "category": "uji", "basis": [{"regulation": "UU 7/2017", "article": "Pasal 280"}],
          "patterns": {"p": "coblos\\\\s+0?2"}, "examples": {"match": ["coblos 02"], "no_match": ["coblos 03"]}}]}
        """
        let set = try Fixtures.load(json)
        let rule = try #require(set.rule("T.J"))
        #expect(rule.severity == .high)
        #expect(rule.patterns.first?.regex == "coblos\\s+0?2")
        #expect(rule.basis.first?.citation == "UU 7/2017 Pasal 280")
        let engine = try Engine(ruleSet: set)
        #expect(engine.evaluate(Post(id: "1", text: "Coblos 02")).flagged)
    }

    @Test func overrideAndDisable() throws {
        let set = try Fixtures.load(rule(id: "T.A"), rule(id: "T.B"), rule(id: "T.A", "    override: true", patterns: "      q: 'pilih'"), "disable: [T.B]")
        #expect(set.rules.map(\.id) == ["T.A"])
        #expect(set.rule("T.A")?.patterns.map(\.name) == ["q"])
    }

    @Test func lintWarnings() throws {
        let set = try Fixtures.load(rule(patterns: "      p: '(a+)+$'"), "lists:\n  unused: [x]\n")
        let codes = set.diagnostics.map(\.code)
        #expect(codes.contains("NR301"))
        #expect(codes.contains("NR302"))
        #expect(codes.contains("NR303"))
        let oneSided = try Fixtures.load(rule("    examples:\n      match: [coblos]"))
        #expect(oneSided.diagnostics.map(\.code).contains("NR304"))
        #expect(Linter.backtrackingRisk(in: "(.*a){20}") != nil)
        #expect(Linter.backtrackingRisk(in: "(\\w+\\s?)*x") != nil)
        #expect(Linter.backtrackingRisk(in: "(?:coblos|pilih)\\s+\\d+") == nil)
        #expect(Linter.backtrackingRisk(in: "(?>a+)+") == nil)
        #expect(Linter.backtrackingRisk(in: "(a++)+") == nil)
    }

    @Test func profilesCanBeSelected() throws {
        let set = try Fixtures.load(Fixtures.profile, rule(patterns: "      p: '{{candidate.names}}'"), profiles: [])
        #expect(set.profiles.isEmpty)
        let engine = try Engine(ruleSet: set)
        #expect(!engine.evaluate(Post(id: "1", text: "Anies Baswedan")).flagged, "an empty list matches nothing")
        let missing = Fixtures.failures(Fixtures.profile)
        #expect(missing.isEmpty)
        var loader = RuleSetLoader()
        loader.addSource(Fixtures.profile)
        loader.activeProfiles = ["nope"]
        #expect(throws: RuleLoadError.self) { try loader.load() }
    }

    @Test func aBrokenReloadLeavesTheRunningSetUntouched() throws {
        let running = try Fixtures.engine(Fixtures.profile, Fixtures.support)
        #expect(throws: RuleLoadError.self) { _ = try Fixtures.load(Fixtures.profile, Fixtures.support, "rules: [{id: broken}]") }
        #expect(running.evaluate(Post(id: "1", text: "ayo coblos 02")).flagged)
    }
}
