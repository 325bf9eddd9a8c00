/// One match: the byte range of the whole match and of each capture group,
/// in the UTF-8 bytes of the subject.
///
/// Byte ranges convert to `String` ranges with ``range(in:)`` and to
/// character or code-point offsets with ``characterRange(in:)`` and
/// ``scalarRange(in:)``.
public struct PCRE2Match: Sendable {
    /// Group ranges by number; group 0 is the whole match, nil marks a group that did not take part.
    public let groups: [Range<Int>?]
    private let regex: PCRE2Regex

    init(groups: [Range<Int>?], regex: PCRE2Regex) {
        self.groups = groups
        self.regex = regex
    }

    /// The UTF-8 byte range of the whole match.
    public var range: Range<Int> { groups[0]! }

    /// The byte range of a named group, or nil when there is no such group or it did not take part.
    public func range(named name: String) -> Range<Int>? {
        guard let number = regex.groupNames[name], number < groups.count else { return nil }
        return groups[number]
    }

    /// The whole match as a `String` range of `subject`, the string that was matched.
    public func range(in subject: String) -> Range<String.Index> {
        PCRE2Match.stringRange(range, in: subject)
    }

    /// The matched text.
    public func substring(in subject: String) -> Substring {
        subject[range(in: subject)]
    }

    /// The text of group `number`, or nil when it did not take part.
    public func substring(group number: Int, in subject: String) -> Substring? {
        guard number < groups.count, let bytes = groups[number] else { return nil }
        return subject[PCRE2Match.stringRange(bytes, in: subject)]
    }

    /// The text of a named group, or nil.
    public func substring(named name: String, in subject: String) -> Substring? {
        guard let bytes = range(named: name) else { return nil }
        return subject[PCRE2Match.stringRange(bytes, in: subject)]
    }

    /// The whole match in `Character` (grapheme cluster) offsets of `subject`.
    public func characterRange(in subject: String) -> Range<Int> {
        let r = range(in: subject)
        let lower = subject.distance(from: subject.startIndex, to: r.lowerBound)
        return lower..<(lower + subject.distance(from: r.lowerBound, to: r.upperBound))
    }

    /// The whole match in Unicode code-point offsets of `subject` (what Python's `str` indexes).
    public func scalarRange(in subject: String) -> Range<Int> {
        PCRE2Match.scalarRange(range, in: subject)
    }

    /// Converts a UTF-8 byte range of `subject` to Unicode code-point offsets: the scalars that
    /// start before the range, and those that start inside it (a range past the end is cut).
    public static func scalarRange(_ bytes: Range<Int>, in subject: String) -> Range<Int> {
        var subject = subject
        return subject.withUTF8 { utf8 in
            let upper = min(bytes.upperBound, utf8.count), lower = min(bytes.lowerBound, upper)
            let before = scalarCount(utf8, in: 0..<lower)
            return before..<(before + scalarCount(utf8, in: lower..<upper))
        }
    }

    /// The number of scalars that start in `range` of valid UTF-8 `utf8`: its bytes that are not
    /// continuation bytes (10xxxxxx), counted eight at a time.
    @inlinable
    public static func scalarCount(_ utf8: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = utf8.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let highs: UInt64 = 0x8080_8080_8080_8080
        var count = 0, i = range.lowerBound
        while i + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A continuation byte has its top bit set and the next one clear.
            count += 8 - (word & ~(word << 1) & highs).nonzeroBitCount
            i += 8
        }
        while i < range.upperBound {
            if utf8[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Converts a UTF-8 byte range of `subject` to a `String` range, rounding
    /// each end down to a character boundary when it falls inside one.
    public static func stringRange(_ bytes: Range<Int>, in subject: String) -> Range<String.Index> {
        let utf8 = subject.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let upper = utf8.index(lower, offsetBy: bytes.count, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return lower..<upper
    }
}
