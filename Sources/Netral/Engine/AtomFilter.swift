/// What every match of a pattern requires of the text, in literals: a boolean formula whose
/// leaves are groups of atoms ("one of these occurs"), as RE2's FilteredRE2 builds. A sequence
/// needs its selective parts (`\bsaya\s+dukung`: "saya" at a word start *and* "dukung"), an
/// alternation one of its branches. The prefilter marks the groups whose atoms it sees; a
/// pattern whose formula is false cannot match and is never run.
indirect enum AtomFilter: Hashable, Sendable, CustomStringConvertible {
    /// One of these atoms occurs (where it must stand).
    case any(Set<Atom>)
    /// Every part holds.
    case all([AtomFilter])
    /// Some part holds.
    case either([AtomFilter])

    /// `{a,b}` for a group (atoms sorted), `all(…)` and `either(…)` for the rest.
    var description: String {
        switch self {
        case .any(let atoms): return "{" + atoms.map(\.description).sorted().joined(separator: ",") + "}"
        case .all(let parts): return "all(" + parts.map(\.description).joined(separator: ", ") + ")"
        case .either(let parts): return "either(" + parts.map(\.description).joined(separator: ", ") + ")"
        }
    }

    /// Every atom the formula mentions.
    var atoms: Set<Atom> {
        switch self {
        case .any(let atoms): return atoms
        case .all(let parts), .either(let parts): return parts.reduce(into: Set<Atom>()) { $0.formUnion($1.atoms) }
        }
    }

    /// How selective the formula is, for choosing what a sequence keeps: a group is as rare as
    /// its least selective atom, a conjunction as its rarest part, an alternation as its commonest.
    var score: Int {
        switch self {
        case .any(let atoms): return atoms.map(\.score).min() ?? 0
        case .all(let parts): return parts.map(\.score).max() ?? 0
        case .either(let parts): return parts.map(\.score).min() ?? 0
        }
    }

    /// Whether the formula holds when `occurs` tells which atoms occur.
    func holds(_ occurs: (Atom) -> Bool) -> Bool {
        switch self {
        case .any(let atoms): return atoms.contains(where: occurs)
        case .all(let parts): return parts.allSatisfy { $0.holds(occurs) }
        case .either(let parts): return parts.contains { $0.holds(occurs) }
        }
    }

    /// The same formula with every atom replaced (atoms that become equal merge).
    func mapAtoms(_ transform: (Atom) -> Atom) -> AtomFilter {
        switch self {
        case .any(let atoms): return .any(Set(atoms.map(transform)))
        case .all(let parts): return .all(parts.map { $0.mapAtoms(transform) })
        case .either(let parts): return .either(parts.map { $0.mapAtoms(transform) })
        }
    }

    /// A conjunction of the parts, flattened; one part stands for itself.
    static func conjunction(_ parts: [AtomFilter]) -> AtomFilter {
        let flat = parts.flatMap { part -> [AtomFilter] in if case .all(let inner) = part { return inner } else { return [part] } }
        return flat.count == 1 ? flat[0] : .all(flat)
    }

    /// An alternation of the branches, flattened, with the plain groups among them merged into one
    /// (`{{list}}` of literal entries stays a single group); one branch stands for itself.
    static func alternation(_ branches: [AtomFilter]) -> AtomFilter {
        var merged = Set<Atom>()
        var others: [AtomFilter] = []
        var hasGroup = false
        for branch in branches.flatMap({ branch -> [AtomFilter] in if case .either(let inner) = branch { return inner } else { return [branch] } }) {
            if case .any(let atoms) = branch {
                merged.formUnion(atoms)
                hasGroup = true
            } else if !others.contains(branch) {
                others.append(branch)
            }
        }
        let all = (hasGroup ? [AtomFilter.any(merged)] : []) + others
        return all.count == 1 ? all[0] : .either(all)
    }
}

/// An ``AtomFilter`` as the plan keeps it: groups of atoms replaced by group ids, which the
/// prefilter marks in a post as it meets their atoms.
indirect enum GroupFilter: Sendable {
    case group(Int32)
    case all([GroupFilter])
    case either([GroupFilter])

    /// Groups at least one of which is marked whenever the formula holds: every branch of an
    /// alternation, and of a conjunction the part `rarity` ranks rarest.
    func cover(rarity: (Int32) -> Int) -> Set<Int32> {
        switch self {
        case .group(let g): return [g]
        case .either(let parts): return parts.reduce(into: Set<Int32>()) { $0.formUnion($1.cover(rarity: rarity)) }
        case .all(let parts):
            let covers = parts.map { $0.cover(rarity: rarity) }
            return covers.max { ($0.map(rarity).min() ?? 0) < ($1.map(rarity).min() ?? 0) } ?? []
        }
    }

    /// The formula as a program whose leaves are group ids (see ``FilterProgram``).
    func emit(into ops: inout [BoolProgram.Op]) {
        switch self {
        case .group(let g): ops.append(.leaf(g))
        case .all(let parts):
            BoolProgram.emitAtLeast(need: parts.count, count: parts.count, into: &ops) { ops in
                for part in parts { part.emit(into: &ops) }
            }
        case .either(let parts):
            BoolProgram.emitAtLeast(need: 1, count: parts.count, into: &ops) { ops in
                for part in parts { part.emit(into: &ops) }
            }
        }
    }
}

/// Every pattern's ``GroupFilter`` as one flat ``BoolProgram``, so that checking a pattern on
/// a post allocates nothing and retains nothing.
struct FilterProgram: Sendable {
    private let ops: [BoolProgram.Op]
    /// Per memo key: where its program starts in ``ops`` (-1: none, the pattern always runs).
    private let start: [Int32]
    private let end: [Int32]
    /// The most frames any program needs.
    let depth: Int

    init(_ filters: [GroupFilter?]) {
        var ops: [BoolProgram.Op] = [], start: [Int32] = [], end: [Int32] = []
        var depth = 1
        for filter in filters {
            guard let filter else {
                start.append(-1)
                end.append(-1)
                continue
            }
            start.append(Int32(ops.count))
            filter.emit(into: &ops)
            end.append(Int32(ops.count))
            depth = max(depth, BoolProgram.depth(of: ops[Int(start.last!)...]))
        }
        self.ops = ops
        self.start = start
        self.end = end
        self.depth = depth
    }

    /// Whether the pattern with memo key `key` may match, given which groups are marked; true when
    /// it has no program.
    func holds(_ key: Int, groups: UnsafeMutableBufferPointer<UInt32>, stamp: UInt32, frames: UnsafeMutableBufferPointer<BoolProgram.Frame>) -> Bool {
        let from = Int(start[key])
        guard from >= 0 else { return true }
        return BoolProgram.holds(ops, from..<Int(end[key]), frames: frames) { groups[Int($0)] == stamp }
    }
}
