/// Splits a field's text into plain and highlighted segments for the evidence ranges
/// (code-point offsets), merging ranges that overlap or touch. Shared by the text and HTML reports.
func highlightSegments(_ text: String, _ ranges: [Range<Int>]) -> [(text: String, highlighted: Bool)] {
    let merged = ranges.sorted { $0.lowerBound < $1.lowerBound }.reduce(into: [Range<Int>]()) { out, r in
        if let last = out.last, r.lowerBound <= last.upperBound { out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound) } else { out.append(r) }
    }
    let scalars = Array(text.unicodeScalars)
    func string(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
    var segments: [(text: String, highlighted: Bool)] = []
    var at = 0
    for r in merged where r.lowerBound >= at && r.upperBound <= scalars.count {
        if at < r.lowerBound { segments.append((string(at..<r.lowerBound), false)) }
        segments.append((string(r), true))
        at = r.upperBound
    }
    if at < scalars.count { segments.append((string(at..<scalars.count), false)) }
    return segments
}
