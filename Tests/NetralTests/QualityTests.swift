import Foundation
import Testing
@testable import Netral

@Suite("Rule-pack quality on the labelled development set")
struct QualityTests {
    @Test func devSetHoldsItsFloorsAndBeatsKeywordSearch() throws {
        let data = try Data(contentsOf: packageRoot.appending(path: "Tests/NetralTests/Resources/dev-set.jsonl"))
        let labelled = try LabelledPost.read(data)
        #expect(labelled.count >= 300)
        let report = QualityReport.measure(engine: try Engine.withDefaultRules(), labelled: labelled)
        // Floors: the development set was written alongside the rules, so these guard against regressions;
        // unseen real posts score lower (see Tests/Quality/README.md).
        #expect(report.overall.precision >= 0.97, "\(report.render())")
        #expect(report.overall.recall >= 0.95, "\(report.render())")
        #expect(report.overall.f1 > report.keyword.f1 + 0.1)
        // Every category of the catalogue is exercised and caught at least mostly.
        let categories = Set(labelled.flatMap(\.categories))
        #expect(categories.count >= 24)
        for category in categories {
            let scores = try #require(report.perCategory[category])
            #expect(scores.recall >= 0.75, "\(category): recall \(scores.recall)")
        }
    }

    @Test func prefilterChangesNoResultOnTheDevelopmentSet() throws {
        // The prefilter (gates and the rule index) must only skip work, never change a finding.
        let data = try Data(contentsOf: packageRoot.appending(path: "Tests/NetralTests/Resources/dev-set.jsonl"))
        let posts = try LabelledPost.read(data).map(\.post)
        var off = EngineOptions()
        off.prefilter = false
        let fast = try Engine.withDefaultRules(), baseline = try Engine.withDefaultRules(options: off)
        let a = fast.evaluate(posts), b = baseline.evaluate(posts)
        #expect(a.filter(\.flagged).count >= 150)
        for (x, y) in zip(a, b) {
            #expect(x.findings == y.findings && x.errors == y.errors, "prefilter changed the result for \(x.id)")
        }
    }
}
