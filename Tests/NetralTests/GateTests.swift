import Testing
@testable import Netral

@Suite("Gate: what the prefilter must find before a rule runs")
struct GateTests {
    /// Evaluates the gate of `condition` with `candidates` as the patterns whose atoms occur.
    func allows(_ condition: IndexedCondition, _ candidates: Set<Int>) -> Bool {
        allows(Gate(condition), { candidates.contains($0) }, holds: { _ in true })
    }

    /// Evaluates `gate` with as many frames as it asks for.
    func allows(_ gate: Gate, _ isCandidate: (Int) -> Bool, holds: (Int) -> Bool) -> Bool {
        let frames = UnsafeMutableBufferPointer<BoolProgram.Frame>.allocate(capacity: gate.depth)
        defer { frames.deallocate() }
        return gate.allows(isCandidate, holds: holds, frames: frames)
    }

    @Test func andNeedsEveryConjunctOrNeedsOneBranch() {
        let both = IndexedCondition.and([.pattern(0), .pattern(1)])
        #expect(allows(both, [0, 1]))
        #expect(!allows(both, [0]))
        #expect(!allows(both, [1]))
        let either = IndexedCondition.or([.pattern(0), .pattern(1)])
        #expect(allows(either, [1]))
        #expect(!allows(either, []))
        let nested = IndexedCondition.and([.pattern(0), .or([.pattern(1), .pattern(2)])])
        #expect(allows(nested, [0, 2]))
        #expect(!allows(nested, [1, 2]))
    }

    @Test func nearNeedsBothAndAtLeastCountsCandidates() {
        #expect(!allows(.near(0, 1, words: 3), [0]))
        #expect(allows(.near(0, 1, words: 3), [0, 1]))
        let twoOfThree = IndexedCondition.atLeast(2, [0, 1, 2])
        #expect(!allows(twoOfThree, [2]))
        #expect(allows(twoOfThree, [0, 2]))
        #expect(!allows(.atLeast(4, [0, 1, 2]), [0, 1, 2]))
    }

    @Test func whatThePrefilterCannotJudgeIsAlwaysPossible() {
        // not(), during(), action() and counts that hold with no match never rule a rule out.
        #expect(allows(.not(.pattern(0)), []))
        #expect(allows(.and([.during("campaign"), .action([.like])]), []))
        #expect(allows(.count(0, .lessOrEqual, 2), []))
        #expect(allows(.or([.pattern(0), .not(.pattern(1))]), []))
        // ...but what they are joined to by `and` still has to be found.
        #expect(!allows(.and([.pattern(0), .not(.pattern(1))]), [1]))
        #expect(allows(.and([.pattern(0), .not(.pattern(1))]), [0]))
    }

    @Test func duringAndActionAreJudgedFromThePost() {
        let gate = Gate(.and([.during("quiet"), .pattern(0)]))
        #expect(!allows(gate, { _ in true }, holds: { _ in false }), "outside the window")
        #expect(allows(gate, { _ in true }, holds: { _ in true }))
        #expect(!allows(gate, { _ in false }, holds: { _ in true }))
        // Under `not`, nothing is judged early.
        #expect(allows(Gate(.not(.during("quiet"))), { _ in false }, holds: { _ in false }))
    }

    @Test func constantsFold() {
        #expect(!allows(.constant(false), [0]))
        #expect(!allows(.and([.pattern(0), .constant(false)]), [0]))
        #expect(allows(.or([.constant(false), .pattern(0)]), [0]))
        #expect(allows(.constant(true), []))
    }
}
