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
