import Foundation

/// Turns a field's text into the view patterns run on, keeping a map back to
/// the original.
///
/// People dodge keyword filters and write loosely, so the normaliser undoes
/// the common tricks, each switchable with ``Options``:
/// - Unicode NFKC (full-width and "fancy" letters), lower-casing, diacritics folded (`é` → `e`);
/// - zero-width, bidi and decorative characters removed, look-alike letters folded (`рrabowo` → `prabowo`);
/// - elongated letters squeezed (`pilihhhh` → `pilih`), spaced-out words joined (`G A N J A R` → `ganjar`);
/// - chat abbreviations expanded (`yg` → `yang`, `gak` → `tidak`, `jgn` → `jangan`);
/// - gesture emoji turned into tokens (`✌️` → `:jari_2:`, `☝️` → `:jari_1:`, `🤟` → `:metal:`);
/// - white space collapsed to single spaces.
///
/// Leetspeak (`pr4b0w0`) is folded in a separate view, ``leetView(of:)``, so
/// that digits that are real numbers ("02", "2024") stay digits in the main view.
public struct Normalizer: Sendable, Hashable {
    /// The normalisation steps.
    public struct Options: OptionSet, Sendable, Hashable {
        /// The option bits.
        public let rawValue: UInt32
        /// Creates options from bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// NFKC, lower-casing and diacritic folding.
        public static let fold = Options(rawValue: 1 << 0)
        /// Remove zero-width and formatting characters; fold look-alike letters.
        public static let deobfuscate = Options(rawValue: 1 << 1)
        /// Squeeze letters repeated three times or more.
        public static let squeeze = Options(rawValue: 1 << 2)
        /// Join words written with a separator between every letter.
        public static let joinSpaced = Options(rawValue: 1 << 3)
        /// Expand Indonesian chat abbreviations.
        public static let abbreviations = Options(rawValue: 1 << 4)
        /// Turn gesture emoji into tokens.
        public static let emoji = Options(rawValue: 1 << 5)
        /// Collapse runs of white space to one space.
        public static let whitespace = Options(rawValue: 1 << 6)
        /// Every step.
        public static let all: Options = [.fold, .deobfuscate, .squeeze, .joinSpaced, .abbreviations, .emoji, .whitespace]
    }

    /// The steps this normaliser applies.
    public var options: Options

    /// Whether the view it writes holds white space only as single spaces: every white-space
    /// character becomes a space, and with ``Options/whitespace`` runs collapse to one.
    var collapsesWhitespace: Bool { options.contains(.whitespace) }

    /// Creates a normaliser; by default every step is on.
    public init(options: Options = .all) {
        self.options = options
    }

    /// Normalises `text`: most texts are written in one pass (the word-level steps applied as
    /// their words end); a text with spaced-out or elongated words, letters outside ASCII or a
    /// zero-width character right after another takes the general path, which gives the same view.
    public func normalize(_ text: String) -> NormalizedText {
        writeDirectly(text) ?? writeByGeneralPath(text)
    }

    /// The common path: the view written as the characters are mapped, without a unit array
    /// (``ViewWriter``). Nil when the text needs the general path.
    func writeDirectly(_ text: String) -> NormalizedText? {
        var writer = ViewWriter(capacity: text.utf8.count + text.utf8.count / 4 + 16, options: options)
        defer { writer.release() }
        mapCharacters(of: text, into: &writer)
        return writer.finish(original: text)
    }

    /// For the fuzzer: the view writer's view of `text` (nil when it gives up) and the general
    /// path's, which must be equal when both exist.
    @_spi(Fuzzing)
    public func viewsByBothPaths(_ text: String) -> (direct: NormalizedText?, general: NormalizedText) {
        (writeDirectly(text), writeByGeneralPath(text))
    }

    /// The general path's view of `text`: every unit, the word-level steps, then the view written from them.
    func writeByGeneralPath(_ text: String) -> NormalizedText {
        unitsThroughSteps(text).build(original: text, collapsingWhitespace: options.contains(.whitespace))
    }

    /// The general path, up to writing the view: every unit of the text, then the word-level steps on them.
    func unitsThroughSteps(_ text: String) -> Units {
        var units = Units(capacity: text.utf8.count)
        mapCharacters(of: text, into: &units)
        // One pass tells which of the steps have work to do, and where the abbreviations are; a
        // step that changes the units has them read again.
        if options.contains(.joinSpaced) || options.contains(.squeeze) || options.contains(.abbreviations) {
            var words = Normalizer.scanWords(units)
            if options.contains(.joinSpaced), words.spacedLetters {
                units = joinSpacedLetters(units)
                words = Normalizer.scanWords(units)
            }
            if options.contains(.squeeze), words.elongated {
                units = squeezeElongation(units)
                words = Normalizer.scanWords(units)
            }
            if options.contains(.abbreviations), !words.abbreviations.isEmpty {
                units = expand(words.abbreviations, in: units)
            }
        }
        return units
    }

    /// The leetspeak reading of an already normalised text: inside every word
    /// that mixes letters with digits or `@`/`$`, those are read as letters
    /// (`pr4b0w0` → `prabowo`, `c4k 1m1n` → `cak imin`). Nil when no word
    /// changes, which is the common case.
    public func leetView(of normalized: NormalizedText) -> NormalizedText? {
        guard Normalizer.mayHaveLeetspeak(normalized.text) else { return nil }
        let scalars = Array(normalized.text.unicodeScalars)
        // Only ASCII bytes change, each into an ASCII letter: the text's bytes are rewritten in
        // place (`offset` is scalar i's), and the map stays the same.
        var bytes: [UInt8] = []
        var i = 0, offset = 0
        while i < scalars.count {
            guard Normalizer.isWordScalar(scalars[i]) else {
                offset += UTF8.width(scalars[i])
                i += 1
                continue
            }
            var j = i
            var letters = 0, inner = 0
            while j < scalars.count, Normalizer.isWordScalar(scalars[j]) {
                let s = scalars[j]
                if Normalizer.isLetter(s) { letters += 1 }
                else if s.isASCII, NormalizationTables.leet[UInt8(s.value)] != nil,
                        j > i, j + 1 < scalars.count, Normalizer.isLetter(scalars[j - 1]), Normalizer.isLetter(scalars[j + 1]) {
                    inner += 1
                }
                j += 1
            }
            // A word is leetspeak when a digit (or @, $) sits between two letters: "pr4bowo", "1m1n", "r1do";
            // "pemilu2024" and "02" are not.
            for k in i..<j {
                defer { offset += UTF8.width(scalars[k]) }
                guard letters >= 2, inner >= 1, scalars[k].isASCII else { continue }
                let isEdge = k == i || k == j - 1
                let byteValue = UInt8(scalars[k].value)
                // '@' and '$' at a word's edge are handles and prices, not letters.
                if isEdge, byteValue == UInt8(ascii: "@") || byteValue == UInt8(ascii: "$") { continue }
                if let letter = NormalizationTables.leet[byteValue] {
                    if bytes.isEmpty { bytes = Array(normalized.text.utf8) }
                    bytes[offset] = UInt8(letter.value)
                }
            }
            i = j
        }
        guard !bytes.isEmpty else { return nil }
        return NormalizedText(original: normalized.original, text: String(decoding: bytes, as: UTF8.self), map: normalized.map)
    }

    /// A quick byte scan: false when no digit, `@` or `$` sits between two letters (ASCII, or any
    /// non-ASCII character, conservatively), so no word can change in the leetspeak view.
    static func mayHaveLeetspeak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            func letterish(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20 >= 97 && b | 0x20 <= 122) }
            func between(_ i: Int) -> Bool {
                let b = bytes[i]
                guard (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "@") || b == UInt8(ascii: "$") else { return false }
                return letterish(bytes[i - 1]) && letterish(bytes[i + 1]) && NormalizationTables.leet[b] != nil
            }
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            var i = 1
            // Eight bytes at a time: most of a text holds no digit, `@` or `$`, and is passed over
            // a word (of eight bytes) at a time, the bytes looked at one by one only in a word that does.
            while i + 9 <= bytes.count {
                if mayHoldLeetByte(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    for j in i..<(i + 8) where between(j) { return true }
                }
                i += 8
            }
            while i < bytes.count - 1 {
                if between(i) { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether one of the eight bytes of `word` may be an ASCII digit, `@` or `$` (never false
    /// when one is): the byte-parallel tests of "Bit Twiddling Hacks" (S. E. Anderson), a byte in
    /// a range and a byte equal to a value.
    @inline(__always)
    private static func mayHoldLeetByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80, low7 = word & (ones &* 0x7F)
        // A byte in 0x30...0x39 (above 0x2F and below 0x3A), its top bit clear.
        let digit = (ones &* (127 + 0x3A) &- low7) & ~word & (low7 &+ ones &* (127 - 0x2F)) & highs
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return digit != 0 || hasZero(word ^ (ones &* 0x40)) || hasZero(word ^ (ones &* 0x24))
    }

    // MARK: - Character mapping

    /// Maps the characters of `text` to units: NFKC, folding, deobfuscation, gesture tokens. Stops
    /// early when `sink` gives up.
    private func mapCharacters<Sink: UnitSink>(of text: String, into sink: inout Sink) {
        let fold = options.contains(.fold)
        let deobfuscate = options.contains(.deobfuscate)
        let emoji = options.contains(.emoji)
        var contiguous = text
        contiguous.withUTF8 { bytes in
        (fold ? Normalizer.foldedASCII : Normalizer.plainASCII).withUnsafeBufferPointer { ascii in
            var index = 0
            while index < bytes.count, !sink.gaveUp {
                if bytes[index] < 0x80 {
                    // ASCII: one byte, one character (a combining mark after it is handled on its
                    // own). The run first, then each byte through the table.
                    var end = index + 1
                    // Eight bytes at a time while none has its top bit set.
                    let raw = UnsafeRawPointer(bytes.baseAddress!)
                    while end + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: end, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { end += 8 }
                    while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                    sink.appendASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]), at: index, table: ascii)
                    index = end
                    continue
                }
                // A run of non-ASCII bytes: walk its characters (graphemes), as emoji and accents need.
                var end = index
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                if Normalizer.appendPlainPictographs(bytes[index..<end], into: &sink) {
                    index = end
                    continue
                }
                let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                var offset = index
                for character in run {
                    if sink.gaveUp { return }
                    let start = offset
                    offset += character.utf8.count
                    if emoji, let token = gestureToken(character) {
                        sink.append(" ", start, offset)
                        for s in token.unicodeScalars { sink.append(s, start, offset) }
                        sink.append(" ", start, offset)
                        continue
                    }
                    if !fold || Normalizer.isStableCharacter(character) {
                        // Emoji and other symbols that NFKC and case folding leave alone: no string work.
                        for scalar in character.unicodeScalars {
                            appendFolded(scalar, start, offset, fold: fold, deobfuscate: deobfuscate, into: &sink)
                        }
                        continue
                    }
                    for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
                        appendFolded(scalar, start, offset, fold: fold, deobfuscate: deobfuscate, into: &sink)
                    }
                }
                index = end
            }
        }
        }
    }

    /// What each ASCII byte becomes: white-space controls a space (tab, line feed, vertical tab,
    /// form feed, carriage return), the rest itself; ``foldedASCII`` lower-cases letters too.
    private static let plainASCII: [UInt8] = (0..<128).map { value in (9...13).contains(value) ? 32 : UInt8(value) }
    private static let foldedASCII: [UInt8] = plainASCII.map { (65...90).contains($0) ? $0 + 32 : $0 }

    /// The common run of emoji, "🔥" or "😍😍😍": pictographs each its own character, which every step
    /// leaves as they are (``NormalizationTables/plainPictographs``), appended without decoding
    /// characters or looking up properties. False, with nothing appended, for any other run.
    private static func appendPlainPictographs<Sink: UnitSink>(_ run: Slice<UnsafeBufferPointer<UInt8>>, into sink: inout Sink) -> Bool {
        guard run.count % 4 == 0 else { return false }
        let plain = NormalizationTables.plainPictographs
        /// The four bytes at `at` as a plain pictograph, if they are one (F0 9F xx xx: U+1F000–U+1FFFF).
        func pictograph(at: Int) -> Unicode.Scalar? {
            guard run[at] == 0xF0, run[at + 1] == 0x9F,
                  let scalar = Unicode.Scalar(0x1F000 | UInt32(run[at + 2] & 0x3F) << 6 | UInt32(run[at + 3] & 0x3F)),
                  isPictograph(scalar) else { return nil }
            let n = Int(scalar.value - 0x1F300)
            return plain[n / 64] >> UInt64(n % 64) & 1 != 0 ? scalar : nil
        }
        let starts = stride(from: run.startIndex, to: run.endIndex, by: 4)
        guard starts.allSatisfy({ pictograph(at: $0) != nil }) else { return false }
        for at in starts { sink.append(pictograph(at: at)!, at, at + 4) }
        return true
    }

    private func appendFolded<Sink: UnitSink>(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int, fold: Bool, deobfuscate: Bool, into sink: inout Sink) {
        // The scalars of emoji, answered without a property look-up (whitespace and the general
        // category cost hundreds of instructions each): a symbol left as it is, a joiner dropped.
        if Normalizer.isStableSymbol(scalar) {
            sink.append(scalar, start, end)
            return
        }
        if deobfuscate, Normalizer.isEmojiJoiner(scalar) {
            sink.absorbDropped(start, end)
            return
        }
        let properties = scalar.properties
        if properties.isWhitespace {
            sink.append(" ", start, end)
            return
        }
        if deobfuscate {
            switch properties.generalCategory {
            case .format, .control, .nonspacingMark, .enclosingMark, .privateUse, .unassigned, .surrogate:
                // Zero-width characters, bidi marks, variation selectors, stray combining marks: dropped,
                // but the character before them keeps them in its span ("2" of the keycap "2️⃣").
                sink.absorbDropped(start, end)
                return
            default: break
            }
            if (0x1F3FB...0x1F3FF).contains(scalar.value) { return }  // skin tones
        }
        guard fold, !scalar.isASCII else {
            let v = scalar.value
            sink.append(fold && v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar, start, end)
            return
        }
        for lower in String(scalar).lowercased().unicodeScalars {
            // Fold diacritics: decompose and keep the base letters only.
            for base in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars {
                let category = base.properties.generalCategory
                if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark { continue }
                if deobfuscate, let latin = NormalizationTables.homoglyphs[base.value] {
                    sink.append(latin, start, end)
                } else {
                    sink.append(base, start, end)
                }
            }
        }
    }

    /// Symbols (emoji among them) that NFKC, case folding and diacritic folding leave unchanged,
    /// and variation selectors and joiners, which the deobfuscation step handles by category.
    static func isStableSymbol(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x2000 else { return false }
        // The blocks of symbols and emoji posts are full of are looked up instead of asking Unicode
        // each time (two property look-ups a scalar; normalising 5.88 -> 5.62 µs a post).
        if value < 0x3000 { return commonStableSymbols.symbols[Int(value - 0x2000)] }
        if value >= 0x1F000, value < 0x1FB00 { return commonStableSymbols.emoji[Int(value - 0x1F000)] }
        return isStableSymbolUncached(scalar)
    }

    /// ``isStableSymbol(_:)`` read from the scalar's Unicode properties.
    static func isStableSymbolUncached(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.generalCategory == .otherSymbol && !properties.changesWhenNFKCCaseFolded
    }

    /// ``isStableSymbol(_:)`` for U+2000–U+2FFF and U+1F000–U+1FAFF, worked out once.
    private static let commonStableSymbols = (
        symbols: (0x2000..<0x3000).map { isStableSymbolUncached(Unicode.Scalar(UInt32($0))!) },
        emoji: (0x1F000..<0x1FB00).map { isStableSymbolUncached(Unicode.Scalar(UInt32($0))!) }
    )

    /// An emoji (or other stable symbol) with only joiners, variation selectors, skin tones and
    /// further stable symbols after it: per-character NFKC would leave it unchanged.
    private static func isStableCharacter(_ character: Character) -> Bool {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStableSymbol(first) else { return false }
        while let next = scalars.next() {
            if isStableSymbol(next) || (0x1F3FB...0x1F3FF).contains(next.value) || isEmojiJoiner(next) { continue }
            switch next.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark: continue
            default: return false
            }
        }
        return true
    }

    private func gestureToken(_ character: Character) -> String? {
        guard let first = character.unicodeScalars.first else { return nil }
        return NormalizationTables.gestureToken(first.value)
    }

    /// Joiners, variation selectors and the keycap mark, which emoji carry: format characters and
    /// marks (a test checks their categories), which the deobfuscation step drops.
    @inline(__always)
    static func isEmojiJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0xFE0E, 0xFE0F, 0x20E3: return true
        default: return false
        }
    }

    // MARK: - Word-level steps

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v | 0x20 >= 97 && v | 0x20 <= 122) || v == 64 || v == 36
        }
        return isWordScalarSlow(s)
    }

    static func isWordScalarSlow(_ s: Unicode.Scalar) -> Bool {
        if isPictograph(s) { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value | 0x20 >= 97 && s.value | 0x20 <= 122) : !isPictograph(s) && s.properties.isAlphabetic
    }

    /// The emoji and pictograph planes U+1F300–U+1FAFF, which hold no letter and no number (a test
    /// checks every scalar): most non-ASCII characters of a post, answered without a property look-up.
    @inline(__always)
    static func isPictograph(_ s: Unicode.Scalar) -> Bool { s.value >= 0x1F300 && s.value <= 0x1FAFF }

    /// "p r a b o w o", "G.A.N.J.A.R": four or more single letters with one separator between each.
    /// Called when ``WordScan/spacedLetters`` says there may be such a run.
    private func joinSpacedLetters(_ units: Units) -> Units {
        let s = units.items
        var out = Units(capacity: s.count)
        var i = 0
        while i < s.count {
            if Normalizer.isLetter(s[i].scalar), i == 0 || !Normalizer.isWordScalar(s[i - 1].scalar) {
                // Try to read letter (sep letter){3,} with one consistent separator.
                var j = i, letters = 1
                let separator: Unicode.Scalar? = i + 1 < s.count ? s[i + 1].scalar : nil
                if let separator, NormalizationTables.isLetterSeparator(separator) {
                    while j + 2 < s.count, s[j + 1].scalar == separator, Normalizer.isLetter(s[j + 2].scalar),
                          j + 3 >= s.count || !Normalizer.isWordScalar(s[j + 3].scalar) {
                        j += 2
                        letters += 1
                    }
                }
                if letters >= 4 {
                    var k = i
                    while k <= j {
                        out.items.append(s[k])
                        k += 2
                    }
                    i = j + 1
                    continue
                }
            }
            out.items.append(s[i])
            i += 1
        }
        return out
    }

    /// "pilihhhh" → "pilih": a letter repeated three or more times counts once. Called when
    /// ``WordScan/elongated`` says there is such a letter.
    private func squeezeElongation(_ units: Units) -> Units {
        let s = units.items
        var out = Units(capacity: s.count)
        var i = 0
        while i < s.count {
            var j = i + 1
            while j < s.count, s[j].scalar == s[i].scalar { j += 1 }
            if j - i >= 3, Normalizer.isLetter(s[i].scalar), !Normalizer.isRepeatedLetterWord(around: i..<j, in: s) {
                out.items.append(Unit(scalar: s[i].scalar, start: s[i].start, end: s[j - 1].end))
            } else {
                for k in i..<j { out.items.append(s[k]) }
            }
            i = j
        }
        return out
    }

    /// Whether the run `run` of one letter lies in a word written with it repeated
    /// (``NormalizationTables/repeatedLetterWords``: "pppk", "ppp"), which is left as it is.
    private static func isRepeatedLetterWord(around run: Range<Int>, in s: [Unit]) -> Bool {
        var start = run.lowerBound, end = run.upperBound
        while start > 0, isWordScalar(s[start - 1].scalar) { start -= 1 }
        while end < s.count, isWordScalar(s[end].scalar) { end += 1 }
        guard end - start <= NormalizationTables.longestRepeatedLetterWord else { return false }
        var word = ""
        word.unicodeScalars.append(contentsOf: s[start..<end].map(\.scalar))
        return NormalizationTables.repeatedLetterWords.contains(word)
    }

    /// Whole-word chat abbreviations, expanded; the expansion maps to the abbreviation's span.
    private func expand(_ abbreviations: [WordScan.Abbreviation], in units: Units) -> Units {
        var out = Units(capacity: units.count + 16)
        var copied = 0
        // The units between abbreviations are copied in runs.
        for abbreviation in abbreviations {
            let word = abbreviation.units
            out.items.append(contentsOf: units.items[copied..<word.lowerBound])
            let start = units.items[word.lowerBound].start, end = units.items[word.upperBound - 1].end
            for e in abbreviation.expansion { out.items.append(Unit(scalar: e, start: start, end: end)) }
            copied = word.upperBound
        }
        out.items.append(contentsOf: units.items[copied...])
        return out
    }
}
