extension Normalizer {
    /// What the word-level steps have to do in a text, found in one pass over its units instead
    /// of one pass each: most texts have no spaced-out or elongated word and few abbreviations.
    struct WordScan {
        /// A chat abbreviation: the units of the word, and the standard form it expands to.
        struct Abbreviation {
            let units: Range<Int>
            let expansion: [Unicode.Scalar]
        }
        /// Some letter, separator, letter, the same separator, letter ("p r a ..."), in a text of
        /// seven units or more: ``joinSpacedLetters(_:)`` may join a run.
        var spacedLetters = false
        /// Some letter three times in a row: ``squeezeElongation(_:)`` has a run to squeeze.
        var elongated = false
        /// The words that are chat abbreviations, in text order.
        var abbreviations: [Abbreviation] = []
    }

    /// The classes of the ASCII scalars, as bits: ``wordClass``, ``letterClass``, ``separatorClass``
    /// (the view writer's table is built from it).
    static let asciiClasses: [UInt8] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return (isWordScalar(scalar) ? wordClass : 0) | (isLetter(scalar) ? letterClass : 0)
            | (NormalizationTables.isLetterSeparator(scalar) ? separatorClass : 0)
    }
    /// A word scalar (``Normalizer/isWordScalar(_:)``), a letter, a letter separator (``NormalizationTables/isLetterSeparator(_:)``).
    static let wordClass: UInt8 = 1, letterClass: UInt8 = 2, separatorClass: UInt8 = 4

    /// The classes of `scalar`: from `ascii` (``asciiClasses``) for an ASCII scalar, from its
    /// Unicode properties otherwise (none for a pictograph).
    @inline(__always)
    private static func classes(of scalar: Unicode.Scalar, ascii: UnsafePointer<UInt8>) -> UInt8 {
        if scalar.isASCII { return ascii[Int(scalar.value)] }
        if isPictograph(scalar) { return 0 }
        return (isWordScalarSlow(scalar) ? wordClass : 0) | (isLetter(scalar) ? letterClass : 0)
            | (NormalizationTables.isLetterSeparator(scalar) ? separatorClass : 0)
    }

    /// Reads `units` once and tells what each word-level step has to do in them.
    static func scanWords(_ units: Units) -> WordScan {
        // The tables, read once (each access to a static constant checks its initialisation).
        return NormalizationTables.abbreviationShapes.withUnsafeBufferPointer { shapes in
        units.items.withUnsafeBufferPointer { s in
            asciiClasses.withUnsafeBufferPointer { ascii in
                var scan = WordScan()
                let count = s.count
                var wordStart = -1  // the current word's first unit; -1 outside words
                var equalRun = 0  // how many units before this one hold the same scalar, in a row
                /// Records the word `wordStart..<end` if it is an abbreviation: a short ASCII word
                /// with known first and last letters (other words skip the table).
                func endWord(_ end: Int) {
                    let first = s[wordStart].scalar.value, last = s[end - 1].scalar.value
                    guard first < 128, last < 128,
                          NormalizationTables.mayBeAbbreviation(shapes, length: end - wordStart, first: UInt8(first), last: UInt8(last)) else { return }
                    var key: UInt128 = 0
                    for k in wordStart..<end {
                        guard s[k].scalar.isASCII else { return }
                        key = key << 8 | UInt128(s[k].scalar.value)
                    }
                    guard let expansion = NormalizationTables.abbreviation(packed: key) else { return }
                    scan.abbreviations.append(WordScan.Abbreviation(units: wordStart..<end, expansion: expansion))
                }
                for i in 0..<count {
                    let scalar = s[i].scalar
                    let classes = Normalizer.classes(of: scalar, ascii: ascii.baseAddress!)
                    if i > 0, scalar == s[i - 1].scalar {
                        equalRun += 1
                        if equalRun >= 2, classes & letterClass != 0 { scan.elongated = true }
                    } else {
                        equalRun = 0
                    }
                    // A separator at i, the same one at i + 2, letters at i - 1, i + 1 and i + 3.
                    if classes & separatorClass != 0, i >= 1, i + 3 < count, count >= 7, s[i + 2].scalar == scalar,
                       Normalizer.classes(of: s[i - 1].scalar, ascii: ascii.baseAddress!) & letterClass != 0,
                       Normalizer.classes(of: s[i + 1].scalar, ascii: ascii.baseAddress!) & letterClass != 0,
                       Normalizer.classes(of: s[i + 3].scalar, ascii: ascii.baseAddress!) & letterClass != 0 {
                        scan.spacedLetters = true
                    }
                    if classes & wordClass != 0 {
                        if wordStart < 0 { wordStart = i }
                    } else if wordStart >= 0 {
                        endWord(i)
                        wordStart = -1
                    }
                }
                if wordStart >= 0 { endWord(count) }
                return scan
            }
        }
        }
    }
}
