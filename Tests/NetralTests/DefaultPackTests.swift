import Foundation
import Testing
@testable import Netral

@Suite("Default rule pack")
struct DefaultPackTests {
    static func engine() throws -> Engine {
        var options = EngineOptions()
        options.explain = true
        return try Engine.withDefaultRules(options: options)
    }

    @Test func loadsWithoutErrorsOrWarnings() throws {
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        let set = try loader.load()
        #expect(set.rules.count >= 20)
        #expect(set.profiles.map(\.id).contains("pilpres-2024"))
        let warnings = set.diagnostics.filter { $0.severity >= .warning }
        #expect(warnings.isEmpty, "\(warnings.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyRuleHasExamplesOfBothKindsAndTheyPass() throws {
        let engine = try Self.engine()
        for rule in engine.ruleSet.rules {
            #expect(!rule.examples.match.isEmpty && !rule.examples.noMatch.isEmpty, "\(rule.id) lacks examples of both kinds")
        }
        let report = RuleTester(engine: engine).run()
        #expect(report.examples >= 2 * engine.ruleSet.rules.count)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.description).joined(separator: "\n"))")
    }
}

@Suite("Profile template")
struct TemplateTests {
    @Test func theRegionalTemplateLoadsAndDrivesTheRules() throws {
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        loader.addFile(at: packageRoot.appending(path: "rules/templates/pilkada-kabupaten.yml"))
        loader.activeProfiles = ["pilbup-contoh-2024"]
        let engine = try Engine(ruleSet: loader.load())
        let call = engine.evaluate(Post(id: "1", text: "Ayo coblos Budi-Siti nomor 1!", createdAt: RFC3339.parse("2024-10-10T10:00:00+07:00")))
        #expect(call.findings.contains { $0.ruleID == "ASN.KAMPANYE.AJAKAN_MEMILIH" })
        #expect(call.findings.first?.candidates == ["01 Budi Santoso – Siti Rahayu (pilbup-contoh-2024)"])
        // National candidates are not active with only the regional profile.
        #expect(!engine.evaluate(Post(id: "2", text: "Ayo coblos Prabowo!")).flagged)
    }
}
