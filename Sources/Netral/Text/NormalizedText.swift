import PCRE2

/// A field's text after normalisation, with the map from every byte of the
/// normalised view back to the original text, so a match on the view is
/// always reported as the exact span of what the author wrote.
///
/// ```swift
/// let n = Normalizer().normalize("Pilihhh P r a b o w o ✌️")
/// n.text                                     // "pilih prabowo :jari_2:"
/// n.originalRange(of: 6..<13)                // the bytes of "P r a b o w o"
/// ```
public struct NormalizedText: Sendable, Hashable {
    /// The text as written.
    public let original: String
    /// The normalised view that patterns run on.
    public let text: String
    /// The scalars of `text`, in order, each with the original byte range it came from. The map
    /// is kept per scalar, not per byte: building a per-byte map cost every field two arrays, and
    /// only the few spans of a finding are ever looked up.
    let units: [Unit]

    init(original: String, text: String, units: [Unit]) {
        self.original = original
        self.text = text
        self.units = units
    }

    /// A view that is the original text itself (identity map).
    public init(identity text: String) {
        var units: [Unit] = []
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            units.append(Unit(scalar: scalar, start: offset, end: offset + width))
            offset += width
        }
        self.init(original: text, text: text, units: units)
    }

    /// Maps a UTF-8 byte range of the normalised view to the UTF-8 byte range
    /// of the original text that produced it.
    public func originalRange(of normalized: Range<Int>) -> Range<Int> {
        var cursor = Cursor()
        return originalRange(of: normalized, cursor: &cursor)
    }

    /// Where a look-up got to in `text`: the scalars that start before byte `byte`. Ranges looked up
    /// in text order, as a pattern's matches are, then cost one pass over the text in all.
    struct Cursor {
        var byte = 0
        var scalarsBefore = 0
    }

    /// ``originalRange(of:)``, counting on from `cursor` when the range lies after it.
    func originalRange(of normalized: Range<Int>, cursor: inout Cursor) -> Range<Int> {
        guard !units.isEmpty else { return 0..<0 }
        let byteCount = text.utf8.count
        if normalized.isEmpty {
            let at = normalized.lowerBound < byteCount ? Int(unit(containing: normalized.lowerBound, cursor: &cursor).start) : original.utf8.count
            return at..<at
        }
        let lower = Int(unit(containing: min(normalized.lowerBound, byteCount - 1), cursor: &cursor).start)
        let upper = Int(unit(containing: min(normalized.upperBound - 1, byteCount - 1), cursor: &cursor).end)
        return lower..<max(lower, upper)
    }

    /// The unit that wrote byte `byte` of `text` (which is in range).
    private func unit(containing byte: Int, cursor: inout Cursor) -> Unit {
        // All ASCII, the common case: one unit a byte.
        if units.count == text.utf8.count { return units[byte] }
        // Otherwise the unit's index is the number of scalars that start before or at `byte`, less one.
        if byte < cursor.byte { cursor = Cursor() }
        var text = text
        let scalars = cursor.scalarsBefore + text.withUTF8 { PCRE2Match.scalarCount($0, in: cursor.byte..<(byte + 1)) }
        cursor = Cursor(byte: byte + 1, scalarsBefore: scalars)
        return units[scalars - 1]
    }
}
