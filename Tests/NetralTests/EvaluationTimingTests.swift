import Foundation
import Testing
@testable import Netral

@Suite("EvaluationTiming: where the time went, per phase and rule")
struct EvaluationTimingTests {
    /// Posts of every action, some flagged by the fixture rule (T.DUKUNG: post, comment, reply, share).
    let posts: [Post] = (0..<300).map { i in
        let actions: [Action] = [.post, .comment, .like, .share, .follow]
        let texts = ["ayo coblos 02, dukung Prabowo", "kerja bakti RT \(i)", "ASN dilarang dukung Anies", "pilih Gibran!", "selamat pagi"]
        return Post(id: "p\(i)", action: actions[i % actions.count], text: texts[(i / 5) % texts.count])
    }

    func engine(timing: Bool, prefilter: Bool = true, threads: Int = 2) throws -> Engine {
        var options = EngineOptions()
        options.timing = timing
        options.prefilter = prefilter
        options.threads = threads
        options.chunkSize = 32
        return try Fixtures.engine(Fixtures.profile, Fixtures.support, options: options)
    }

    @Test func offByDefault() throws {
        let engine = try engine(timing: false)
        _ = engine.evaluate(posts)
        #expect(engine.timing == nil)
    }

    @Test func countsMatchTheResultsAndAddUpOverCalls() throws {
        let engine = try engine(timing: true)
        let results = engine.evaluate(posts)
        let timing = try #require(engine.timing)
        #expect(timing.posts == posts.count)
        #expect(timing.threads == 2)
        #expect(timing.rules.map(\.ruleID) == engine.ruleSet.rules.map(\.id))
        let rule = try #require(timing.rules.first)
        let flagged = results.filter { $0.findings.contains { $0.ruleID == rule.ruleID } }.count
        #expect(flagged > 0)
        #expect(rule.flagged == flagged)
        // Checked: posts with the rule's action and its trigger's literals ("coblos", "dukung", "pilih").
        let checked = zip(posts, results).filter { post, _ in
            [.post, .comment, .reply, .share].contains(post.action) && ["coblos", "dukung", "pilih"].contains { post.text.contains($0) }
        }.count
        #expect(rule.checks == checked)
        #expect(rule.nanoseconds > 0)
        #expect(timing.normalizingNanoseconds > 0 && timing.prefilterNanoseconds > 0)
        #expect(timing.totalNanoseconds == timing.normalizingNanoseconds + timing.prefilterNanoseconds + timing.rulesNanoseconds)

        // Single posts and a second batch add to the same totals.
        _ = engine.evaluate(posts[0])
        _ = engine.evaluate(posts)
        let again = try #require(engine.timing)
        #expect(again.posts == 2 * posts.count + 1)
        #expect(again.rules[0].flagged == 2 * flagged + (results[0].flagged ? 1 : 0))
    }

    @Test func withoutThePrefilterEveryRuleIsCheckedOnEveryPostOfItsActions() throws {
        let engine = try engine(timing: true, prefilter: false, threads: 3)
        _ = engine.evaluate(posts)
        let timing = try #require(engine.timing)
        let actions = Set(engine.ruleSet.rules[0].actions)
        #expect(timing.rules[0].checks == posts.filter { actions.contains($0.action) }.count)
    }

    @Test func searchesCountEachPatternRunAndEachAnchoredTry() throws {
        let rules = """
        rules:
          - id: T.AYO
            title: Ajakan
            severity: low
            category: uji
            basis: [uji]
            patterns:
              ajakan: '\\bayo\\s+coblos'
        """
        func searches(_ text: String, prefilter: Bool) throws -> Int {
            var options = EngineOptions()
            options.timing = true
            options.prefilter = prefilter
            let engine = try Fixtures.engine(Fixtures.profile, rules, options: options)
            _ = engine.evaluate(Post(id: "1", text: text))
            let timing = try #require(engine.timing)
            #expect(timing.searches == timing.rules[0].searches)
            return timing.rules[0].searches
        }
        // Tried where "ayo coblos" starts a word (white space is one space in the view): at 0 and at
        // 23, not at "ayo makan".
        #expect(try searches("ayo coblos, ayo makan, ayo  coblos", prefilter: true) == 2)
        #expect(try searches("selamat pagi", prefilter: true) == 0, "ruled out by the prefilter")
        // Without the prefilter, the pattern runs once over the whole text.
        #expect(try searches("ayo coblos, ayo makan, ayo  coblos", prefilter: false) == 1)
        #expect(try searches("selamat pagi", prefilter: false) == 1)
    }

    @Test func timingChangesNoResult() throws {
        let plain = try engine(timing: false).evaluate(posts)
        let timed = try engine(timing: true).evaluate(posts)
        #expect(plain.map(\.findings) == timed.map(\.findings))
    }
}
