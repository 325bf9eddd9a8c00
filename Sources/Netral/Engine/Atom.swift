/// A literal the prefilter looks for, and where it must stand to count.
///
/// An atom that starts a whole-word match (`(?<![\p{L}\p{N}_])amin`, `\bkaos`) counts only where
/// no ASCII letter, digit or `_` comes right before it: `amin` in "jaminan" does not make
/// `{{akronim}}` a candidate. One that ends a whole-word match counts only where none comes right
/// after it. The test looks at ASCII bytes only, so it never rules out a real match: a non-ASCII
/// neighbour always passes.
struct Atom: Hashable, Sendable, CustomStringConvertible {
    /// The literal, lower-case (as the normalised view is).
    var text: String
    /// Counts only when not preceded by an ASCII word byte.
    var wordStart: Bool
    /// Counts only when not followed by an ASCII word byte.
    var wordEnd: Bool
    /// For a literal of a pattern that reads the original text: what the original must hold
    /// where the atom is found (nil: nothing, or a pattern on the normalised view).
    var original: OriginalCheck?

    init(_ text: String, wordStart: Bool = false, wordEnd: Bool = false, original: OriginalCheck? = nil) {
        self.text = text
        self.wordStart = wordStart
        self.wordEnd = wordEnd
        self.original = original
    }

    /// The text, its bounds written ‹word start and word end›; a checked atom adds the literal
    /// the original must hold, in ⟨⟩ (with its own bounds).
    var description: String {
        var written = ""
        if let original {
            written = "⟨" + (original.wordStart ? "‹" : "") + String(decoding: original.written, as: UTF8.self)
                + (original.wordEnd ? "›" : "") + (original.cased ? "" : "/i") + "⟩"
        }
        return (wordStart ? "‹" : "") + text + (wordEnd ? "›" : "") + written
    }

    /// The bounds as bits, for the scan loop: 1 word start, 2 word end, 4 checked in the original
    /// text (``original``).
    var bounds: UInt8 { (wordStart ? 1 : 0) | (wordEnd ? 2 : 0) | (original != nil ? 4 : 0) }

    /// How selective the atom is, for choosing between the literals of a sequence: its length,
    /// plus two for each bound (a bounded word is rarer than the same letters anywhere).
    var score: Int {
        text.utf8.count + (wordStart || original?.wordStart == true ? 2 : 0) + (wordEnd || original?.wordEnd == true ? 2 : 0)
    }

    /// The atom cut to at most `maximumBytes` bytes at a character boundary; a cut atom no longer
    /// ends where the literal does, so it loses its end bound.
    func truncated(to maximumBytes: Int) -> Atom {
        guard text.utf8.count > maximumBytes else { return self }
        var bytes = 0
        var out = ""
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if bytes + width > maximumBytes { break }
            out.unicodeScalars.append(scalar)
            bytes += width
        }
        return out.isEmpty ? self : Atom(out, wordStart: wordStart, wordEnd: false, original: original?.prefix(bytes))
    }

    /// ASCII letters, digits and `_`.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// Whether an occurrence at `bytes[start..<end]` satisfies `bounds` (see ``bounds``).
    @inline(__always)
    static func stands(bounds: UInt8, in bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        if bounds & 1 != 0, start > 0, isWordByte(bytes[start - 1]) { return false }
        if bounds & 2 != 0, end < bytes.count, isWordByte(bytes[end]) { return false }
        return true
    }

    /// Whether the atom occurs in `text` where it must stand (for tests and tools).
    func occurs(in text: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(self.text.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { bytes in
            (0...(haystack.count - needle.count)).contains { start in
                haystack[start..<(start + needle.count)].elementsEqual(needle)
                    && Atom.stands(bounds: bounds, in: bytes, start: start, end: start + needle.count)
            }
        }
    }
}
