import Testing
@testable import Netral

@Suite("Postfix: boolean formulas evaluated without allocating")
struct PostfixTests {
    /// Evaluates `ops` with `leaves` as the true leaves.
    func holds(_ ops: [Postfix.Op], _ leaves: Set<Int32>) -> Bool {
        let stack = UnsafeMutableBufferPointer<Bool>.allocate(capacity: Postfix.depth(of: ops))
        defer { stack.deallocate() }
        return Postfix.holds(ops, ops.indices, stack: stack) { leaves.contains($0) }
    }

    @Test func atLeastCountsTheValuesItPops() {
        // (0 and 1) or 2, written out.
        let ops: [Postfix.Op] = [.leaf(0), .leaf(1), .atLeast(need: 2, count: 2), .leaf(2), .atLeast(need: 1, count: 2)]
        #expect(holds(ops, [0, 1]))
        #expect(holds(ops, [2]))
        #expect(!holds(ops, [0]))
        #expect(!holds(ops, []))
        // Two of three.
        let twoOfThree: [Postfix.Op] = [.leaf(0), .leaf(1), .leaf(2), .atLeast(need: 2, count: 3)]
        #expect(holds(twoOfThree, [0, 2]))
        #expect(!holds(twoOfThree, [1]))
    }

    @Test func constantsAndEmptyPrograms() {
        #expect(holds([], []), "an empty program holds")
        #expect(!holds([.constant(false)], [0]))
        #expect(holds([.constant(false), .leaf(0), .atLeast(need: 1, count: 2)], [0]))
        #expect(!holds([.constant(true), .leaf(0), .atLeast(need: 2, count: 2)], []))
    }

    @Test func aProgramInsideALongerArrayReadsOnlyItsRange() {
        let ops: [Postfix.Op] = [.leaf(0), .leaf(1), .leaf(2), .atLeast(need: 2, count: 2)]
        let stack = UnsafeMutableBufferPointer<Bool>.allocate(capacity: Postfix.depth(of: ops))
        defer { stack.deallocate() }
        #expect(!Postfix.holds(ops, 0..<1, stack: stack) { $0 != 0 })
        #expect(Postfix.holds(ops, 1..<4, stack: stack) { $0 != 0 })
    }
}
