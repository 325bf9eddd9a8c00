/// What the literal of a pattern that reads the original text (`view: original`) must look like
/// there, checked where the prefilter finds it in the normalised view.
///
/// The prefilter scans only the normalised view, which is lower-case and has lost some word
/// bounds (a zero-width space between two words disappears). So an acronym written `PAGI` in a
/// cased pattern was looked for as "pagi", and every "selamat pagi" ran the pattern. With a check,
/// a hit of "pagi" maps back to the original text and counts only when the bytes there are the
/// literal as written (in its case, for a cased pattern) and stand where the pattern needs them.
///
/// The check never rules out a real match. An occurrence of the literal in the original text
/// becomes the same letters in the normalised view, mapped back to exactly those bytes; when the
/// normaliser changed the text around a hit (a repeated letter squeezed, spaced letters joined,
/// a character folded) the mapped bytes differ in length from the literal, and the hit counts.
/// Only ASCII literals without white space get a check: a literal entry's space stands for any
/// run of white space, and the case of other letters is Unicode's.
struct OriginalCheck: Hashable, Sendable {
    /// The literal as the pattern writes it (ASCII).
    let written: [UInt8]
    /// Whether case must match too (a `cased: true` pattern).
    let cased: Bool
    /// It counts only when no ASCII word byte comes right before it in the original.
    let wordStart: Bool
    /// It counts only when no ASCII word byte comes right after it in the original.
    let wordEnd: Bool

    /// A check for `written`, or nil when the literal cannot be checked byte for byte (not ASCII,
    /// or holding white space).
    init?(written: String, cased: Bool, wordStart: Bool, wordEnd: Bool) {
        let bytes = Array(written.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }) else { return nil }
        self.written = bytes
        self.cased = cased
        self.wordStart = wordStart
        self.wordEnd = wordEnd
    }

    /// The first `count` bytes of the literal; a cut literal no longer ends where the pattern's
    /// does, so it loses its end bound.
    func prefix(_ count: Int) -> OriginalCheck {
        guard count < written.count else { return self }
        return OriginalCheck(written: Array(written.prefix(count)), cased: cased, wordStart: wordStart)
    }

    private init(written: [UInt8], cased: Bool, wordStart: Bool) {
        self.written = written
        self.cased = cased
        self.wordStart = wordStart
        self.wordEnd = false
    }

    /// Whether a hit whose bytes in the original text are `range` may be the literal: true when
    /// the range is not as long as the literal (the normaliser changed the text there), else when
    /// the bytes are the literal and stand where they must.
    func holds(in original: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> Bool {
        guard range.count == written.count, range.lowerBound >= 0, range.upperBound <= original.count else { return true }
        for (k, byte) in written.enumerated() {
            let seen = original[range.lowerBound + k]
            if seen == byte { continue }
            // ASCII letters alone fold: `byte | 0x20` is a letter's lower case.
            if cased || seen | 0x20 != byte | 0x20 || !(0x61...0x7A).contains(byte | 0x20) { return false }
        }
        if wordStart, range.lowerBound > 0, Atom.isWordByte(original[range.lowerBound - 1]) { return false }
        if wordEnd, range.upperBound < original.count, Atom.isWordByte(original[range.upperBound]) { return false }
        return true
    }
}
