import Testing
@testable import Netral

@Suite("BoolProgram: boolean formulas evaluated without allocating, with short circuits")
struct BoolProgramTests {
    typealias Op = BoolProgram.Op

    /// Evaluates `ops` with `leaves` as the true leaves; `asked` collects the leaves read.
    func holds(_ ops: [Op], _ leaves: Set<Int32>, range: Range<Int>? = nil, asked: inout [Int32]) -> Bool {
        let frames = UnsafeMutableBufferPointer<BoolProgram.Frame>.allocate(capacity: BoolProgram.depth(of: ops))
        defer { frames.deallocate() }
        return BoolProgram.holds(ops, range ?? ops.indices, frames: frames) { leaf in
            asked.append(leaf)
            return leaves.contains(leaf)
        }
    }

    func holds(_ ops: [Op], _ leaves: Set<Int32>, range: Range<Int>? = nil) -> Bool {
        var asked: [Int32] = []
        return holds(ops, leaves, range: range, asked: &asked)
    }

    /// A formula as a tree, to write programs from and to check them against.
    indirect enum Tree {
        case leaf(Int32), constant(Bool), atLeast(Int, [Tree])
        func holds(_ leaves: Set<Int32>) -> Bool {
            switch self {
            case .leaf(let n): return leaves.contains(n)
            case .constant(let v): return v
            case .atLeast(let need, let parts): return parts.filter { $0.holds(leaves) }.count >= need
            }
        }
        func emit(into ops: inout [Op]) {
            switch self {
            case .leaf(let n): ops.append(.leaf(n))
            case .constant(let v): ops.append(.constant(v))
            case .atLeast(let need, let parts):
                BoolProgram.emitAtLeast(need: need, count: parts.count, into: &ops) { ops in
                    for part in parts { part.emit(into: &ops) }
                }
            }
        }
    }

    /// The program of `tree`.
    func program(_ tree: Tree) -> [Op] {
        var ops: [Op] = []
        tree.emit(into: &ops)
        return ops
    }

    @Test func atLeastCountsItsParts() {
        // (0 and 1) or 2.
        let ops = program(.atLeast(1, [.atLeast(2, [.leaf(0), .leaf(1)]), .leaf(2)]))
        #expect(holds(ops, [0, 1]))
        #expect(holds(ops, [2]))
        #expect(!holds(ops, [0]))
        #expect(!holds(ops, []))
        let twoOfThree = program(.atLeast(2, [.leaf(0), .leaf(1), .leaf(2)]))
        #expect(holds(twoOfThree, [0, 2]))
        #expect(!holds(twoOfThree, [1]))
    }

    @Test func constantsAndEmptyPrograms() {
        #expect(holds([], []), "an empty program holds")
        #expect(!holds([.constant(false)], [0]))
        #expect(holds(program(.atLeast(1, [.constant(false), .leaf(0)])), [0]))
        #expect(!holds(program(.atLeast(2, [.constant(true), .leaf(0)])), []))
        #expect(holds(program(.atLeast(0, [])), []) && !holds(program(.atLeast(1, [])), []))
    }

    @Test func aProgramInsideALongerArrayReadsOnlyItsRange() {
        var ops: [Op] = [.leaf(0)]
        Tree.atLeast(2, [.leaf(1), .leaf(2)]).emit(into: &ops)
        #expect(!holds(ops, [1, 2], range: 0..<1))
        #expect(holds(ops, [1, 2], range: 1..<4))
    }

    @Test func stopsReadingLeavesOnceTheOutcomeIsKnown() {
        var asked: [Int32] = []
        // all(0, either(1, 2), 3) with 0 false: only 0 is read.
        let ops = program(.atLeast(3, [.leaf(0), .atLeast(1, [.leaf(1), .leaf(2)]), .leaf(3)]))
        #expect(!holds(ops, [1, 2, 3], asked: &asked))
        #expect(asked == [0])
        asked = []
        // With 0 and 1 true: 2 is skipped, 3 decides.
        #expect(holds(ops, [0, 1, 3], asked: &asked))
        #expect(asked == [0, 1, 3])
    }

    /// Random formulas against a plain recursive reading of the same tree.
    @Test func agreesWithATreeOnRandomFormulas() {
        var rng = SplitMix(state: 3)
        func random(_ depth: Int) -> Tree {
            if depth == 0 || rng.next(3) == 0 { return rng.next(8) == 0 ? .constant(rng.next(2) == 0) : .leaf(Int32(rng.next(6))) }
            let parts = (0..<rng.next(5)).map { _ in random(depth - 1) }
            return .atLeast(rng.next(parts.count + 2), parts)
        }
        var held = 0
        for _ in 0..<3000 {
            let tree = random(4)
            var ops: [Op] = [.leaf(9)]
            tree.emit(into: &ops)
            let leaves = Set((0..<6).filter { _ in rng.next(2) == 0 }.map(Int32.init))
            let value = holds(ops, leaves, range: 1..<ops.count)
            #expect(value == tree.holds(leaves))
            if value { held += 1 }
        }
        #expect(held > 500 && held < 2500)
    }
}
