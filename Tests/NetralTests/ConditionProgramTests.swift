import Foundation
import Testing
@testable import Netral

@Suite("ConditionProgram: a rule's condition flattened for evaluation")
struct ConditionProgramTests {
    /// A post as a condition sees it: match counts by pattern, which patterns were asked (in order),
    /// and pairs of patterns that are near each other.
    struct FakePost: ConditionContext {
        var counts: [Int: Int] = [:]
        var nearPairs: Set<[Int]> = []
        var asked: [Int] = []
        var actionBit: UInt32 = Plan.bit(of: .post)
        var date: Date? = nil
        var lenientDates = false
        var profiles: Set<String> = []

        mutating func matchCount(_ id: Int) -> Int {
            asked.append(id)
            return counts[id] ?? 0
        }

        mutating func near(_ a: Int, _ b: Int, words: Int) -> Bool {
            asked.append(contentsOf: [a, b])
            return nearPairs.contains([a, b, words])
        }

        func allows(profile: String) -> Bool { profiles.isEmpty || profiles.contains(profile) }
    }

    /// The tree form evaluated directly: what the program must agree with.
    func reference(_ condition: IndexedCondition, _ post: inout FakePost, profiles: [ElectionProfile]) -> Bool {
        switch condition {
        case .pattern(let id): return post.matchCount(id) > 0
        case .and(let cs):
            for c in cs where !reference(c, &post, profiles: profiles) { return false }
            return true
        case .or(let cs):
            for c in cs where reference(c, &post, profiles: profiles) { return true }
            return false
        case .not(let c): return !reference(c, &post, profiles: profiles)
        case .near(let a, let b, let words): return post.near(a, b, words: words)
        case .count(let id, let op, let k): return op.holds(post.matchCount(id), k)
        case .atLeast(let k, let ids): return ids.map { post.matchCount($0) > 0 }.filter { $0 }.count >= k
        case .during(let window):
            guard let date = post.date else { return false }
            if post.lenientDates { return true }
            return profiles.contains { post.allows(profile: $0.id) && $0.contains(date, window: window) }
        case .action(let actions): return actions.contains { Plan.bit(of: $0) == post.actionBit }
        case .constant(let value): return value
        }
    }

    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static func profile(_ id: String, campaign: DateInterval) -> ElectionProfile {
        ElectionProfile(id: id, name: id, kind: "pilkada", jurisdiction: nil, windows: ["campaign": campaign], candidates: [],
                        context: [], location: SourceLocation(file: "test.yml", line: 1, column: 1))
    }

    static let profiles = [
        profile("a", campaign: DateInterval(start: start, duration: 10 * day)),
        profile("b", campaign: DateInterval(start: start.addingTimeInterval(20 * day), duration: 10 * day)),
    ]

    /// A random condition over patterns 0..<5, up to `depth` levels deep.
    func randomCondition(_ rng: inout SplitMix, depth: Int) -> IndexedCondition {
        let leaf = depth == 0 || rng.next(4) == 0
        if leaf {
            switch rng.next(7) {
            case 0, 1: return .pattern(rng.next(5))
            case 2: return .near(rng.next(5), rng.next(5), words: rng.next(3))
            case 3: return .count(rng.next(5), [.greaterOrEqual, .greater, .equal, .less, .lessOrEqual, .notEqual][rng.next(6)], rng.next(3))
            case 4: return .atLeast(rng.next(4), (0..<rng.next(4)).map { _ in rng.next(5) })
            case 5: return rng.next(2) == 0 ? .during(["campaign", "quiet"][rng.next(2)]) : .action([[.post], [.like, .share], []][rng.next(3)])
            default: return .constant(rng.next(2) == 0)
            }
        }
        switch rng.next(3) {
        case 0: return .and((0..<(1 + rng.next(3))).map { _ in randomCondition(&rng, depth: depth - 1) })
        case 1: return .or((0..<(1 + rng.next(3))).map { _ in randomCondition(&rng, depth: depth - 1) })
        default: return .not(randomCondition(&rng, depth: depth - 1))
        }
    }

    @Test func agreesWithTheTreeAndAsksForTheSamePatternsInTheSameOrder() {
        var rng = SplitMix(state: 7)
        var held = 0
        for _ in 0..<3000 {
            let condition = randomCondition(&rng, depth: 3)
            let program = ConditionProgram(condition, profiles: Self.profiles)
            var post = FakePost()
            for id in 0..<5 where rng.next(2) == 0 { post.counts[id] = 1 + rng.next(3) }
            for _ in 0..<rng.next(4) { post.nearPairs.insert([rng.next(5), rng.next(5), rng.next(3)]) }
            post.actionBit = Plan.bit(of: [Action.post, .like, .comment][rng.next(3)])
            post.date = [nil, Self.start.addingTimeInterval(2 * Self.day), Self.start.addingTimeInterval(25 * Self.day)][rng.next(3)]
            post.lenientDates = rng.next(4) == 0
            post.profiles = [[], ["a"], ["b"]][rng.next(3)]
            var expected = post
            let want = reference(condition, &expected, profiles: Self.profiles)
            let got = program.holds(&post)
            #expect(got == want, "\(condition)")
            // Short-circuiting matters: the evaluator runs a pattern only when the condition asks for it.
            #expect(post.asked == expected.asked, "\(condition)")
            if got { held += 1 }
        }
        // Both outcomes are exercised.
        #expect(held > 300 && held < 2700)
    }

    @Test func andOrStopAtTheFirstDecidingChild() {
        let program = ConditionProgram(.or([.pattern(0), .and([.pattern(1), .pattern(2)]), .pattern(3)]), profiles: [])
        var post = FakePost(counts: [1: 1, 2: 1])
        #expect(program.holds(&post))
        #expect(post.asked == [0, 1, 2], "pattern 3 is never asked once the `and` holds")
        var none = FakePost()
        #expect(!program.holds(&none))
        #expect(none.asked == [0, 1, 3], "pattern 2 is never asked once pattern 1 fails the `and`")
    }

    @Test func duringReadsOnlyTheAllowedProfilesWindows() {
        let program = ConditionProgram(.during("campaign"), profiles: Self.profiles)
        var inB = FakePost(date: Self.start.addingTimeInterval(25 * Self.day))
        #expect(program.holds(&inB))
        inB.profiles = ["a"]
        #expect(!program.holds(&inB), "the date is in b's campaign, not a's")
        inB.lenientDates = true
        #expect(program.holds(&inB), "lenient: any dated post")
        var undated = FakePost(lenientDates: true)
        #expect(!program.holds(&undated))
        var unknownWindow = FakePost(date: Self.start.addingTimeInterval(2 * Self.day))
        #expect(!ConditionProgram(.during("quiet"), profiles: Self.profiles).holds(&unknownWindow))
    }

    @Test func actionsAreBits() {
        let program = ConditionProgram(.action([.like, .share]), profiles: [])
        var like = FakePost(actionBit: Plan.bit(of: .like))
        var post = FakePost(actionBit: Plan.bit(of: .post))
        #expect(program.holds(&like))
        #expect(!program.holds(&post))
    }
}
