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
    /// For each UTF-8 byte of `text`, the original byte range it came from.
    let starts: [Int32]
    let ends: [Int32]

    init(original: String, text: String, starts: [Int32], ends: [Int32]) {
        self.original = original
        self.text = text
        self.starts = starts
        self.ends = ends
    }

    /// A view that is the original text itself (identity map).
    public init(identity text: String) {
        let count = text.utf8.count
        self.original = text
        self.text = text
        self.starts = (0..<Int32(count)).map { $0 }
        self.ends = (0..<Int32(count)).map { $0 + 1 }
    }

    /// Maps a UTF-8 byte range of the normalised view to the UTF-8 byte range
    /// of the original text that produced it.
    public func originalRange(of normalized: Range<Int>) -> Range<Int> {
        let originalCount = original.utf8.count
        guard !starts.isEmpty else { return 0..<0 }
        if normalized.isEmpty {
            let at = normalized.lowerBound < starts.count ? Int(starts[normalized.lowerBound]) : originalCount
            return at..<at
        }
        let lower = Int(starts[min(normalized.lowerBound, starts.count - 1)])
        let upper = Int(ends[min(normalized.upperBound - 1, ends.count - 1)])
        return lower..<max(lower, upper)
    }
}
