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
    /// Where each byte of `text` came from: segments of the view, not an entry a byte or a scalar
    /// (most of a view is ASCII copied byte for byte, and only the few spans of a finding are ever
    /// looked up).
    let map: SpanMap

    init(original: String, text: String, map: SpanMap) {
        self.original = original
        self.text = text
        self.map = map
    }

    /// A view that is the original text itself (identity map).
    public init(identity text: String) {
        var map = SpanMap()
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            map.append(width: width, start: offset, end: offset + width)
            offset += width
        }
        self.init(original: text, text: text, map: map)
    }

    /// Maps a UTF-8 byte range of the normalised view to the UTF-8 byte range
    /// of the original text that produced it.
    public func originalRange(of normalized: Range<Int>) -> Range<Int> {
        var cursor = Cursor()
        return originalRange(of: normalized, cursor: &cursor)
    }

    /// Where a look-up got to in the map. Ranges looked up in text order, as a pattern's matches
    /// are, then cost one pass over the map in all.
    struct Cursor {
        var segment = 0
    }

    /// ``originalRange(of:)``, looking on from `cursor` when the range lies after it.
    func originalRange(of normalized: Range<Int>, cursor: inout Cursor) -> Range<Int> {
        let byteCount = Int(map.count)
        guard byteCount > 0 else { return 0..<0 }
        if normalized.isEmpty {
            let at = normalized.lowerBound < byteCount ? map.span(of: normalized.lowerBound, cursor: &cursor.segment).start : original.utf8.count
            return at..<at
        }
        let lower = map.span(of: min(normalized.lowerBound, byteCount - 1), cursor: &cursor.segment).start
        let upper = map.span(of: min(normalized.upperBound - 1, byteCount - 1), cursor: &cursor.segment).end
        return lower..<max(lower, upper)
    }
}
