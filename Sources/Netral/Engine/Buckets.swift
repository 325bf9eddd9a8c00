/// Lists of ids indexed by a dense id, stored flat ("compressed sparse rows"): bucket `i` is
/// `values[start[i]..<start[i + 1]]`. Used by the plan for atom → groups
/// and group → rules, so that the per-post loops read two flat arrays.
struct Buckets: Sendable {
    /// Where each bucket starts in ``values``; one more entry than there are buckets.
    let start: [Int32]
    /// Every bucket's ids, one after the other.
    let values: [Int32]

    /// Flattens `lists`; bucket `i` holds `lists[i]` in its order.
    init(_ lists: [[Int32]]) {
        var start = [Int32(0)]
        start.reserveCapacity(lists.count + 1)
        for list in lists { start.append(start.last! + Int32(list.count)) }
        self.start = start
        values = lists.flatMap { $0 }
    }

    /// The positions in ``values`` of bucket `i`.
    @inline(__always)
    func range(_ i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }
}
