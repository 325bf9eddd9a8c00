/// One normalised scalar with the original UTF-8 byte range it came from.
struct Unit: Sendable, Hashable {
    var scalar: Unicode.Scalar
    var start: Int32
    var end: Int32
}

/// Normalised scalars, each with the original UTF-8 byte range it came from: what the general path
/// of ``Normalizer`` maps a text into, for the word-level steps that need all of a text's units.
struct Units: UnitSink {
    var items: [Unit] = []

    init(capacity: Int) {
        items.reserveCapacity(capacity)
    }

    var count: Int { items.count }

    var gaveUp: Bool { false }

    mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, table: UnsafeBufferPointer<UInt8>) {
        // Mapped into a small buffer on the stack and appended from it a block at a time: one
        // append a block instead of one a byte (each with its uniqueness check).
        withUnsafeTemporaryAllocation(of: Unit.self, capacity: Units.asciiBlock) { block in
            var done = 0
            while done < bytes.count {
                let n = min(block.count, bytes.count - done)
                for k in 0..<n {
                    let at = Int32(truncatingIfNeeded: offset + done + k)
                    block.initializeElement(at: k, to: Unit(scalar: Unicode.Scalar(table[Int(bytes[done + k])]), start: at, end: at + 1))
                }
                items.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<n]))
                done += n
            }
        }
    }

    /// ASCII units mapped at a time in ``appendASCII(_:at:table:)`` (a 768-byte buffer on the stack).
    private static let asciiBlock = 64

    mutating func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
        items.append(Unit(scalar: scalar, start: Int32(start), end: Int32(end)))
    }

    mutating func absorbDropped(_ start: Int, _ end: Int) {
        if let last = items.last, Int(last.end) == start, last.scalar != " " {
            items[items.count - 1].end = Int32(end)
        }
    }

    /// The view as a string, with its map. With `collapsingWhitespace` (the white-space step),
    /// spaces are collapsed on the way: none at either end, never two in a row.
    consuming func build(original: String, collapsingWhitespace: Bool) -> NormalizedText {
        var capacity = 0
        for unit in items { capacity &+= UTF8.width(unit.scalar) }
        var map = SpanMap()
        let text = String(unsafeUninitializedCapacity: capacity) { bytes in
            var k = 0
            var lastWasSpace = true
            for unit in items {
                if collapsingWhitespace {
                    let space = unit.scalar == " "
                    if space, lastWasSpace { continue }
                    lastWasSpace = space
                }
                UTF8.encode(unit.scalar) { byte in
                    bytes[k] = byte
                    k += 1
                }
                map.append(width: Int32(UTF8.width(unit.scalar)), start: unit.start, end: unit.end)
            }
            if collapsingWhitespace, k > 0, bytes[k - 1] == 32 {
                k -= 1
                map.dropLastByte()
            }
            return k
        }
        return NormalizedText(original: original, text: text, map: map)
    }
}
