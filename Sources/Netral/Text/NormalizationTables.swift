/// The tables the ``Normalizer`` uses. Plain data, kept apart from the code.
enum NormalizationTables {
    /// Emoji and gestures with a campaign meaning, by base scalar, and the token each becomes.
    /// Skin tones and variation selectors around them are dropped first.
    static let gestureTokens: [UInt32: String] = [
        0x261D: ":jari_1:",   // ☝ index pointing up
        0x1F446: ":jari_1:",  // 👆 backhand index pointing up
        0x1F44D: ":jempol:",  // 👍 thumbs up (read as 1 on the forbidden-pose lists)
        0x270C: ":jari_2:",   // ✌ victory hand
        0x1F919: ":jari_2:",  // 🤙 call-me hand ("telepon")
        0x1FAF0: ":jari_2:",  // 🫰 hand with index finger and thumb crossed (finger heart)
        0x1F44C: ":jari_3:",  // 👌 OK hand (three fingers up)
        0x1F91F: ":metal:",   // 🤟 love-you gesture
        0x1F918: ":metal:",   // 🤘 sign of the horns
        0x270B: ":jari_5:",   // ✋ raised hand
        0x1F590: ":jari_5:",  // 🖐 hand with fingers splayed
        0x1F44A: ":kepal:",   // 👊 oncoming fist (the pose lists call a fist safe)
        0x270A: ":kepal:",    // ✊ raised fist
    ]

    /// ``gestureTokens`` sorted by scalar, for look-ups by binary search instead of hashing.
    private static let sortedGestures: [(scalar: UInt32, token: String)] = gestureTokens.map { ($0.key, $0.value) }.sorted { $0.scalar < $1.scalar }

    /// The token of the gesture emoji `scalar`, if it is one.
    static func gestureToken(_ scalar: UInt32) -> String? {
        index(of: scalar, in: sortedGestures, by: \.scalar).map { sortedGestures[$0].token }
    }

    /// The index of the entry whose key is `key` in `entries`, sorted by key, by binary search.
    @inline(__always)
    private static func index<Entry, Key: Comparable>(of key: Key, in entries: [Entry], by keyOf: (Entry) -> Key) -> Int? {
        var lower = 0, upper = entries.count
        while lower < upper {
            let middle = (lower + upper) / 2
            let candidate = keyOf(entries[middle])
            if candidate == key { return middle }
            if candidate < key { lower = middle + 1 } else { upper = middle }
        }
        return nil
    }

    /// Look-alike letters from other scripts, folded to the Latin letter they imitate (after lower-casing).
    static let homoglyphs: [UInt32: Unicode.Scalar] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x",
        0x0456: "i", 0x0458: "j", 0x0455: "s", 0x043A: "k", 0x043C: "m", 0x0501: "d", 0x04BB: "h",
        0x0475: "v", 0x0457: "i", 0x04CF: "l",
        0x03B1: "a", 0x03BF: "o", 0x03B5: "e", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v", 0x03C1: "p",
        0x03C4: "t", 0x03C5: "u", 0x03C7: "x", 0x03B2: "b", 0x03B7: "n", 0x03C9: "w",
        0x0261: "g", 0x0131: "i", 0x1D00: "a", 0x0299: "b", 0x1D04: "c", 0x1D05: "d", 0x1D07: "e",
        0x0262: "g", 0x029C: "h", 0x026A: "i", 0x1D0A: "j", 0x1D0B: "k", 0x029F: "l", 0x1D0D: "m",
        0x0274: "n", 0x1D0F: "o", 0x1D18: "p", 0x0280: "r", 0x1D1B: "t", 0x1D1C: "u", 0x1D20: "v",
        0x1D21: "w", 0x028F: "y", 0x1D22: "z", 0xA731: "s",
    ]

    /// Indonesian chat abbreviations, as whole words, and their standard forms.
    static let abbreviations: [String: String] = [
        "yg": "yang", "utk": "untuk", "untk": "untuk", "tuk": "untuk", "bwt": "buat",
        "gk": "tidak", "ga": "tidak", "gak": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak",
        "kagak": "tidak", "tdk": "tidak", "ndak": "tidak", "gag": "tidak",
        "dgn": "dengan", "dg": "dengan", "sy": "saya", "gw": "saya", "gue": "saya", "gua": "saya",
        "bpk": "bapak", "bp": "bapak", "jgn": "jangan", "jangn": "jangan",
        "sdh": "sudah", "udh": "sudah", "udah": "sudah", "blm": "belum", "krn": "karena", "karna": "karena",
        "jg": "juga", "aja": "saja", "tp": "tapi", "org": "orang", "hrs": "harus", "msh": "masih",
        "lg": "lagi", "klo": "kalau", "kalo": "kalau", "smg": "semoga", "nomer": "nomor", "kpd": "kepada",
        "bkn": "bukan", "pd": "pada", "dlm": "dalam", "trs": "terus", "emg": "memang", "bgt": "banget",
        "skrg": "sekarang", "ttp": "tetap", "ttep": "tetap", "tetep": "tetap", "tp2": "tapi", "tmn": "teman", "temen": "teman", "sm": "sama", "dr": "dari",
        "mnrt": "menurut", "sbg": "sebagai", "spt": "seperti", "dll": "dan lain-lain", "tsb": "tersebut",
        "pilkada2024": "pilkada 2024", "pemilu2024": "pemilu 2024", "pilpres2024": "pilpres 2024",
    ]

    /// ``abbreviations`` keyed by their ASCII bytes packed into an integer, sorted by key, for
    /// allocation-free look-ups by binary search (cheaper than hashing every word of a post).
    static let packedAbbreviations: [(key: UInt128, expansion: [Unicode.Scalar])] = abbreviations
        .filter { $0.key.utf8.count <= 16 }
        .map { (key: $0.key.utf8.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }, expansion: Array($0.value.unicodeScalars)) }
        .sorted { $0.key < $1.key }

    /// The expansion of the abbreviation whose bytes pack into `key`.
    static func abbreviation(packed key: UInt128) -> [Unicode.Scalar]? {
        index(of: key, in: packedAbbreviations, by: \.key).map { packedAbbreviations[$0].expansion }
    }

    /// For each length and ASCII first byte, the last bytes of the abbreviations of that length that
    /// start with it, as 128 bits in two words (bit `last % 64` of word `(length * 128 + first) * 2
    /// + last / 64`): a word whose shape matches none needs no look-up.
    static let abbreviationShapes: [UInt64] = abbreviations.keys.reduce(into: [UInt64](repeating: 0, count: (longestAbbreviation + 1) * 256)) { shapes, word in
        let first = Int(word.utf8.first!), last = Int(word.utf8.last!)
        if first < 128, last < 128 { shapes[(word.utf8.count * 128 + first) * 2 + last / 64] |= 1 << UInt64(last % 64) }
    }

    /// Whether an abbreviation has `length` bytes, starts with `first` and ends with `last`.
    @inline(__always)
    static func mayBeAbbreviation(_ shapes: UnsafeBufferPointer<UInt64>, length: Int, first: UInt8, last: UInt8) -> Bool {
        length < shapes.count >> 8 && first < 128 && last < 128
            && shapes[(length &* 128 &+ Int(first)) &* 2 &+ Int(last >> 6)] >> UInt64(last & 63) & 1 != 0
    }

    /// The length of the longest abbreviation: longer words need no look-up.
    static let longestAbbreviation = abbreviations.keys.map(\.utf8.count).max() ?? 0

    /// Words written with a letter three times, which squeezing would turn into other words: the
    /// civil-servant category PPPK ("pk" otherwise) and the party PPP ("p", a chat word).
    static let repeatedLetterWords: Set<String> = ["ppp", "pppk"]
    static let longestRepeatedLetterWord = repeatedLetterWords.map(\.unicodeScalars.count).max() ?? 0

    /// The pictographs U+1F300–U+1FAFF that every normalisation step leaves as they are, as bits
    /// (U+1F300 + n is bit n % 64 of word n / 64): stable symbols (``Normalizer/isStableSymbol(_:)``)
    /// without a gesture token. Skin tones, which join the emoji before them, are not stable symbols.
    static let plainPictographs: [UInt64] = (UInt32(0x1F300)...0x1FAFF).reduce(into: [UInt64](repeating: 0, count: 0x800 / 64)) { bits, value in
        guard let scalar = Unicode.Scalar(value), Normalizer.isStableSymbol(scalar), gestureTokens[value] == nil else { return }
        let n = Int(value - 0x1F300)
        bits[n / 64] |= 1 << UInt64(n % 64)
    }

    /// Characters read as letters in leetspeak, and the letter each stands for.
    static let leet: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "0"): "o", UInt8(ascii: "1"): "i", UInt8(ascii: "3"): "e", UInt8(ascii: "4"): "a",
        UInt8(ascii: "5"): "s", UInt8(ascii: "7"): "t", UInt8(ascii: "8"): "b", UInt8(ascii: "@"): "a",
        UInt8(ascii: "$"): "s", UInt8(ascii: "9"): "g", UInt8(ascii: "6"): "g",
    ]

    /// Separators people put between the letters of a spaced-out word ("G.A.N.J.A.R").
    static func isLetterSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", ".", "-", "_", "*", "·": return true
        default: return false
        }
    }
}
