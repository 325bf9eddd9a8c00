/// Writes a normalised view and its ``SpanMap`` straight from the units the character mapping
/// makes: the common path of ``Normalizer/normalize(_:)``, which builds no unit array.
///
/// The word-level steps that work one word at a time are applied as the units come: an
/// abbreviation is expanded when its word ends, white space collapses as it is written. What needs
/// the whole text's units makes the writer give up (``gaveUp``), and the normaliser then takes its
/// general path: a spaced-out or elongated word (looked for a little more widely than the word
/// scan does, never less; "pppk" and "ppp" keep their letters and stay), a letter, digit or
/// separator outside ASCII, a dropped character that widens the unit before it, an abbreviation
/// written partly in folded characters. For every text it finishes, the writer gives exactly the
/// general path's view and map (a test and the engine's fuzz target compare the two).
struct ViewWriter: UnitSink {
    /// The view written so far: `out[0..<written]`, `capacity` bytes allocated.
    private var out: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var written = 0
    /// Room for the segments of a post with a few emoji and abbreviations, allocated once.
    private var map = SpanMap(capacity: 16)
    /// The open linear run: view bytes `runView..<written` came from original bytes `runView + runDelta...`,
    /// one for one; entered into the map when it ends.
    private var runOpen = false
    private var runView = 0
    private var runDelta = 0
    /// The view byte where the current word starts, or -1 between words.
    private var wordView = -1
    /// Whether the current word has a letter three times in a row.
    private var tripled = false
    /// The last unit mapped (before collapsing and expanding): where its source ends, and whether it is a space.
    private var lastEnd = -1
    private var lastIsSpace = false
    private(set) var gaveUp = false
    private let expands: Bool, collapses: Bool, squeezes: Bool, joins: Bool
    private let longestAbbreviation: Int

    init(capacity: Int, options: Normalizer.Options) {
        self.capacity = max(16, capacity)
        out = .allocate(capacity: self.capacity)
        expands = options.contains(.abbreviations)
        collapses = options.contains(.whitespace)
        squeezes = options.contains(.squeeze)
        joins = options.contains(.joinSpaced)
        longestAbbreviation = expands ? NormalizationTables.longestAbbreviation : 0
    }

    /// Frees the buffer; the writer is not used after.
    func release() {
        out.deallocate()
    }

    /// The view and its map, or nil when the writer gave up.
    mutating func finish(original: String) -> NormalizedText? {
        if wordView >= 0 { endWord(start: wordView, next: original.utf8.count) }
        guard !gaveUp else { return nil }
        if collapses, written > 0, out[written - 1] == 32 {
            // No space at the end: taken off the open run, or off the map when the run is closed.
            if !(runOpen && written > runView) { map.dropLastByte() }
            written -= 1
        }
        closeRun()
        assert(map.count == Int32(written), "the map covers every byte of the view")
        let text = String(decoding: UnsafeBufferPointer(start: out, count: written), as: UTF8.self)
        return NormalizedText(original: original, text: text, map: map)
    }

    // MARK: - UnitSink

    mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, table: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, !gaveUp else { return }
        reserve(n)
        if !(runOpen && offset &- written == runDelta) { openRun(source: offset) }
        ViewWriter.classes.withUnsafeBufferPointer { classes in
        NormalizationTables.abbreviationShapes.withUnsafeBufferPointer { shapes in
            // The hot state in locals, written back around the calls that read it.
            var out = self.out, written = self.written, wordView = self.wordView
            var i = 0
            while i < n {
                let source = Int(bytes[i])
                let byte = table[source], kind = classes[source]
                if kind & ViewWriter.word != 0 {
                    if wordView < 0 {
                        wordView = written
                        if joins, kind & ViewWriter.letter != 0, ViewWriter.spacedBefore(out, written, classes) {
                            gaveUp = true
                            break
                        }
                    } else if squeezes, ViewWriter.isThirdInARow(byte, kind, out, written, wordView) {
                        tripled = true
                    }
                    out[written] = byte
                    written &+= 1
                    i &+= 1
                    continue
                }
                if wordView >= 0 {
                    if tripled || (expands && NormalizationTables.mayBeAbbreviation(shapes, length: written &- wordView, first: out[wordView], last: out[written &- 1])) {
                        self.written = written
                        endWord(start: wordView, next: offset &+ i)
                        if gaveUp { break }
                        reserve(n &- i)  // an expansion may have taken room
                        out = self.out
                        written = self.written
                    }
                    wordView = -1
                }
                if collapses, ViewWriter.isDroppedSpace(kind, out, written) {
                    // Dropped: the run ends before it, and the next one starts after it.
                    self.written = written
                    openRun(source: offset &+ i &+ 1)
                    i &+= 1
                    continue
                }
                out[written] = byte
                written &+= 1
                i &+= 1
            }
            self.written = written
            self.wordView = wordView
            lastEnd = offset &+ n
            lastIsSpace = classes[Int(bytes[n &- 1])] & ViewWriter.space != 0
        }
        }
    }

    mutating func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
        guard !gaveUp else { return }
        lastEnd = end
        lastIsSpace = scalar == " "
        if scalar.isASCII {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            let kind = ViewWriter.classes[Int(byte)]
            if kind & ViewWriter.word != 0 {
                if !wordUnit(byte, kind) { return }
            } else {
                if wordView >= 0 {
                    endWord(start: wordView, next: start)
                    if gaveUp { return }
                }
                if collapses, ViewWriter.isDroppedSpace(kind, out, written) { return }
            }
            reserve(1)
            if end &- start == 1 {
                if !(runOpen && start &- written == runDelta) { openRun(source: start) }
            } else {
                closeRun()
                map.append(width: 1, start: Int32(start), end: Int32(end))
            }
            out[written] = byte
            written &+= 1
            return
        }
        // Outside ASCII only what no word step reads: pictographs, symbols, punctuation.
        if Normalizer.isWordScalar(scalar) || NormalizationTables.isLetterSeparator(scalar) {
            gaveUp = true
            return
        }
        if wordView >= 0 {
            endWord(start: wordView, next: start)
            if gaveUp { return }
        }
        closeRun()
        let width = UTF8.width(scalar)
        reserve(width)
        UTF8.encode(scalar) { byte in
            out[written] = byte
            written &+= 1
        }
        map.append(width: Int32(width), start: Int32(start), end: Int32(end))
    }

    mutating func absorbDropped(_ start: Int, _ end: Int) {
        // The general path widens the unit before: not a span this writer can change afterwards.
        if lastEnd == start, !lastIsSpace { gaveUp = true }
    }

    // MARK: - Words

    /// Checks a word scalar (`byte`, of classes `kind`), about to be written, against the steps
    /// that need the whole text (false, having given up, when one may apply), and starts a word at it.
    @inline(__always)
    private mutating func wordUnit(_ byte: UInt8, _ kind: UInt8) -> Bool {
        if wordView < 0 {
            wordView = written
            if joins, kind & ViewWriter.letter != 0,
               ViewWriter.classes.withUnsafeBufferPointer({ ViewWriter.spacedBefore(out, written, $0) }) {
                gaveUp = true
                return false
            }
        } else if squeezes, ViewWriter.isThirdInARow(byte, kind, out, written, wordView) {
            tripled = true
        }
        return true
    }

    /// Whether letter `byte` (of classes `kind`), written at `at` in the word that starts at
    /// `wordView`, is the third of a letter in a row: squeezed, unless the word is one written so ("pppk").
    @inline(__always)
    private static func isThirdInARow(_ byte: UInt8, _ kind: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ at: Int, _ wordView: Int) -> Bool {
        kind & letter != 0 && at &- wordView >= 2 && out[at &- 1] == byte && out[at &- 2] == byte
    }

    /// Whether a scalar of classes `kind`, written at `at`, is a space the white-space step drops:
    /// at the view's start or after another space.
    @inline(__always)
    private static func isDroppedSpace(_ kind: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ at: Int) -> Bool {
        kind & space != 0 && (at == 0 || out[at &- 1] == 32)
    }

    /// Whether a letter written at `at` would follow a separator, a letter and the same separator:
    /// "a.b.c", "p r a".
    @inline(__always)
    private static func spacedBefore(_ out: UnsafeMutablePointer<UInt8>, _ at: Int, _ classes: UnsafeBufferPointer<UInt8>) -> Bool {
        at >= 4 && classes[Int(out[at &- 1])] & separator != 0 && out[at &- 3] == out[at &- 1]
            && classes[Int(out[at &- 2])] & letter != 0 && classes[Int(out[at &- 4])] & letter != 0
    }

    /// Ends the word that starts at view byte `start`, before the unit whose source starts at
    /// `next`, expanding it when it is an abbreviation.
    private mutating func endWord(start: Int, next: Int) {
        wordView = -1
        if tripled {
            tripled = false
            guard written &- start <= NormalizationTables.longestRepeatedLetterWord,
                  NormalizationTables.repeatedLetterWords.contains(String(decoding: UnsafeBufferPointer(start: out + start, count: written &- start), as: UTF8.self)) else {
                gaveUp = true
                return
            }
        }
        guard expands, written &- start <= longestAbbreviation else { return }
        var key: UInt128 = 0
        for k in start..<written {
            guard out[k] < 128 else { return }
            key = key << 8 | UInt128(out[k])
        }
        guard let expansion = NormalizationTables.abbreviation(packed: key) else { return }
        // The word's bytes must be one for one from the original, in the open run.
        guard runOpen, runView <= start else {
            gaveUp = true
            return
        }
        let source = Int32(start &+ runDelta), sourceEnd = Int32(written &+ runDelta)
        written = start
        closeRun()
        for scalar in expansion {
            let width = UTF8.width(scalar)
            reserve(width)
            UTF8.encode(scalar) { byte in
                out[written] = byte
                written &+= 1
            }
            map.append(width: Int32(width), start: source, end: sourceEnd)
        }
        openRun(source: next)
    }

    // MARK: - Runs and buffer

    /// Ends the open run, entering it into the map.
    @inline(__always)
    private mutating func closeRun() {
        if runOpen, written > runView { map.appendLinear(count: Int32(written &- runView), start: Int32(runView &+ runDelta)) }
        runOpen = false
    }

    /// Ends the open run and opens one at the next view byte, which comes from original byte `source`.
    @inline(__always)
    private mutating func openRun(source: Int) {
        closeRun()
        runOpen = true
        runView = written
        runDelta = source &- written
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if written &+ n > capacity { grow(to: written &+ n) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        buffer.update(from: out, count: written)
        out.deallocate()
        out = buffer
        capacity = larger
    }

    // MARK: - Classes

    /// The word scan's classes, and a space.
    private static let word = Normalizer.wordClass, letter = Normalizer.letterClass, separator = Normalizer.separatorClass
    private static let space: UInt8 = 8

    /// The classes of each byte's ASCII scalar after the mapping (white-space controls are spaces):
    /// the word scan's (a word scalar, a letter, a letter separator) and a space. None for a byte
    /// above 0x7F.
    private static let classes: [UInt8] = (0..<256).map { value in
        guard value < 128 else { return 0 }
        let mapped = (9...13).contains(value) ? 32 : value
        return Normalizer.asciiClasses[mapped] | (mapped == 32 ? space : 0)
    }
}
