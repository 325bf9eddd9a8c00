/// Where ``Normalizer``'s character mapping puts the units it makes (a unit is one scalar of the
/// view with the original span it came from): the unit array of the general path (``Units``), or
/// the ``ViewWriter``, which writes the view as they come.
protocol UnitSink {
    /// Appends one unit for each byte of `bytes`, ASCII from original byte `offset` on, each the
    /// scalar `table` maps it to.
    mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, table: UnsafeBufferPointer<UInt8>)
    /// Appends one unit.
    mutating func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int)
    /// A character at original bytes `start..<end` was dropped (a zero-width or stray combining
    /// character): the unit before it, when it ends right there and is not a space, takes it into its span.
    mutating func absorbDropped(_ start: Int, _ end: Int)
    /// Whether the sink gave up on the text; the mapping then stops.
    var gaveUp: Bool { get }
}
