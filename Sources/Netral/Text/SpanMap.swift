/// Where every byte of a normalised view came from in the original text, kept as segments of
/// the view instead of one entry a scalar.
///
/// A view is mostly ASCII copied one byte for one byte (lower-cased, white space turned into
/// spaces), broken where a space was dropped, a word expanded, a character folded. So the map
/// holds *linear* segments, runs of ASCII bytes each of which came from the original byte at
/// the same distance, and *block* segments, whose bytes all came from one span of the original
/// (an expansion and its abbreviation, a gesture token and its emoji, a folded letter and its
/// original, any scalar of more than one byte). A typical post's field has a handful of segments.
///
/// The map is built unit by unit (a unit is one scalar of the view and the original span it came
/// from), in view order, and is canonical: the same units always give the same segments, whichever
/// path wrote them (``Normalizer`` writes most texts directly, the rest through its unit steps).
struct SpanMap: Sendable, Hashable {
    /// One segment: view bytes `view..<` the next segment's (or the view's end).
    struct Segment: Sendable, Hashable {
        /// The segment's first byte in the view.
        var view: Int32
        /// Linear: where the segment's first byte came from, and where its last byte's source
        /// ends. Block: the original span every byte of the segment came from.
        var start: Int32
        var end: Int32
        /// Whether byte `view + k` came from original byte `start + k` alone.
        var linear: Bool
    }

    private(set) var segments: [Segment] = []
    /// The view bytes mapped so far.
    private(set) var count: Int32 = 0

    /// An empty map with room for `capacity` segments.
    init(capacity: Int = 0) {
        segments.reserveCapacity(capacity)
    }

    /// Appends one unit: a scalar of `width` UTF-8 bytes in the view, from original bytes `start..<end`.
    /// An ASCII scalar from one byte continues a linear segment that ends where it starts; a unit
    /// with the same span as the block before it joins that block.
    @inline(__always)
    mutating func append(width: Int32, start: Int32, end: Int32) {
        if width == 1, end &- start == 1 {
            appendLinear(count: 1, start: start)
            return
        }
        if let last = segments.last, !last.linear, last.start == start, last.end == end {
            count &+= width
            return
        }
        segments.append(Segment(view: count, start: start, end: end, linear: false))
        count &+= width
    }

    /// Appends `n` ASCII units, each from one byte of the original, from `start` on (what `n`
    /// calls of ``append(width:start:end:)`` would).
    @inline(__always)
    mutating func appendLinear(count n: Int32, start: Int32) {
        guard n > 0 else { return }
        let last = segments.count &- 1
        if last >= 0, segments[last].linear, segments[last].end == start {
            segments[last].end &+= n
        } else {
            segments.append(Segment(view: count, start: start, end: start &+ n, linear: true))
        }
        count &+= n
    }

    /// Drops the last view byte's unit (the view's trailing space, of one byte).
    mutating func dropLastByte() {
        guard let last = segments.last else { return }
        count &-= 1
        if last.view == count {
            segments.removeLast()
        } else if last.linear {
            segments[segments.count - 1].end &-= 1
        }
    }

    /// The original span of the unit that wrote view byte `byte` (in range), looking on from segment
    /// `cursor` when the byte lies at or after it (look-ups in view order then cost one pass).
    @inline(__always)
    func span(of byte: Int, cursor: inout Int) -> (start: Int, end: Int) {
        var k = cursor < segments.count && Int(segments[cursor].view) <= byte ? cursor : segment(containing: byte)
        while k &+ 1 < segments.count, Int(segments[k &+ 1].view) <= byte { k &+= 1 }
        cursor = k
        let segment = segments[k]
        if segment.linear {
            let at = Int(segment.start) &+ (byte &- Int(segment.view))
            return (at, at &+ 1)
        }
        return (Int(segment.start), Int(segment.end))
    }

    /// The last segment that starts at or before `byte`, by binary search.
    private func segment(containing byte: Int) -> Int {
        var lower = 0, upper = segments.count
        while upper &- lower > 1 {
            let middle = (lower &+ upper) / 2
            if Int(segments[middle].view) <= byte { lower = middle } else { upper = middle }
        }
        return lower
    }
}
