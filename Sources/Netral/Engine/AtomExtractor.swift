/// Finds literal "atoms" in a pattern and what every match requires of them
/// (an ``AtomFilter``: `\bsaya\s+dukung` needs "saya" at a word start and
/// "dukung"). The
/// prefilter looks for atoms in one pass and runs a pattern only when its
/// filter holds.
///
/// The analysis is conservative: whatever it does not understand makes the
/// pattern "unfilterable" (nil), and an unfilterable pattern always runs.
/// Atoms are lower-case, because the normalised view is (unless ``foldsCase`` is
/// false: a pattern on the original text keeps its literals as written, for
/// ``OriginalCheck``). An atom right after
/// a word-start assertion (`\b`, `(?<![\p{L}\p{N}_])`, a whole-word list)
/// counts only at the start of a word, and one right before a word-end
/// assertion only at the end of one (see ``Atom``).
///
/// Separately, it finds "leading" literals when every match *starts* with one
/// of them (`ayo` in `ayo\s+coblos`, the entries of `(?<!\w)(?:prabowo|anies)`):
/// the engine then confirms the pattern only where one occurs, anchored there,
/// instead of scanning the whole text.
struct AtomExtractor {
    /// What a pattern or list requires: the filter every match satisfies, and (when known) the
    /// literals every match starts with.
    typealias ListAnalysis = (filter: AtomFilter, leading: Set<Atom>?)

    /// An assertion that the text before a position is not a word character.
    enum WordStart {
        /// `\b`: a word start only before a word character.
        case boundary
        /// `(?<![\p{L}\p{N}_])` or `(?<!\w)`: no word character before, whatever follows.
        case notAfterWord

        /// Whether a literal starting with `byte` here starts a word.
        func startsWord(with byte: UInt8) -> Bool { self == .notAfterWord || Atom.isWordByte(byte) }
    }

    /// What each list reference stands for (nil: the list cannot be filtered).
    let listAtoms: (PatternExpander.Reference) -> ListAnalysis?
    /// Whether atoms are lower-cased, for the normalised view (the default); false keeps literals
    /// as the pattern writes them, for a pattern that reads the original text.
    var foldsCase = true
    /// Whether the text has white space only as single spaces (the normaliser's white-space step
    /// collapses every run to one space): `\s` and `\s+` then read as one space, which joins the
    /// words around them (`pasti\s+menang` needs "pasti menang", not "menang" alone).
    var spaceIsOne = false

    /// What every match of `regex` requires (nil: it cannot be filtered).
    func filter(of regex: String) -> AtomFilter? {
        analysis(of: regex)?.filter
    }

    /// The filter of `regex` and the literals every match starts with (nil when unknown).
    /// `start`: what the text before every match is known to satisfy.
    func analysis(of regex: String, start: WordStart? = nil) -> ListAnalysis? {
        guard let refs = try? PatternExpander.references(in: regex) else { return nil }
        var parser = Parser(bytes: Array(regex.utf8), refs: refs, listAtoms: listAtoms, foldsCase: foldsCase, spaceIsOne: spaceIsOne)
        guard case .filter(let filter, let leading) = parser.alternation(start: start), parser.index == parser.bytes.count,
              !filter.atoms.isEmpty, !filter.atoms.contains(where: \.text.isEmpty) else { return nil }
        return (filter, leading.flatMap { $0.isEmpty || $0.contains(where: \.text.isEmpty) ? nil : $0 })
    }

    /// A recursive-descent reader of the subset of PCRE2 syntax that matters for atoms.
    private struct Parser {
        let bytes: [UInt8]
        let refs: [PatternExpander.Reference]
        let listAtoms: (PatternExpander.Reference) -> ListAnalysis?
        let foldsCase: Bool
        let spaceIsOne: Bool
        var index = 0

        init(bytes: [UInt8], refs: [PatternExpander.Reference], listAtoms: @escaping (PatternExpander.Reference) -> ListAnalysis?, foldsCase: Bool, spaceIsOne: Bool) {
            self.bytes = bytes
            self.refs = refs
            self.listAtoms = listAtoms
            self.foldsCase = foldsCase
            self.spaceIsOne = spaceIsOne
        }

        /// A literal's text, lower-cased unless the extractor keeps case.
        func text(_ literal: [UInt8]) -> String {
            let written = String(decoding: literal, as: UTF8.self)
            return foldsCase ? written.lowercased() : written
        }

        /// What a piece of pattern requires.
        enum Requirement {
            /// Syntax the analysis does not handle.
            case unsupported
            /// It can match without any known literal.
            case nothing
            /// Every match contains one of these; `leading`: every match starts with one of those.
            case filter(AtomFilter, leading: Set<Atom>?)
        }

        /// The most literals a group may start with for a literal before it to be joined to each.
        static let joinedLimit = 64

        /// The least ``AtomFilter/score`` of a second required part (five letters, or a bounded word of three).
        static let selectiveScore = 5

        /// Word-boundary assertions the analysis recognises, as written.
        static let startAssertions = [#"(?<![\p{L}\p{N}_])"#, #"(?<!\w)"#, #"(?<![\w])"#].map { Array($0.utf8) }
        static let endAssertions = [#"(?![\p{L}\p{N}_])"#, #"(?!\w)"#, #"(?![\w])"#].map { Array($0.utf8) }

        /// The length of one of `assertions` when it is written at ``index``, else nil.
        func assertion(_ assertions: [[UInt8]]) -> Int? {
            assertions.first { bytes[index...].starts(with: $0) }?.count
        }

        /// alternation := sequence ('|' sequence)*. `start`: what precedes each branch.
        mutating func alternation(start: WordStart? = nil) -> Requirement {
            var branches: [AtomFilter] = []
            var unconstrained = false
            var leading: Set<Atom>? = []
            while true {
                switch sequence(start: start) {
                case .unsupported: return .unsupported
                case .nothing: unconstrained = true
                case .filter(let filter, let branchLeading):
                    branches.append(filter)
                    leading = branchLeading.flatMap { branch in leading.map { $0.union(branch) } }
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "|") { index += 1; continue }
                break
            }
            return unconstrained ? .nothing : .filter(.alternation(branches), leading: leading)
        }

        /// A sequence of elements; literal characters join into runs. `start`: what precedes it.
        mutating func sequence(start: WordStart? = nil) -> Requirement {
            // What every match needs, part by part (literal runs, groups, lists), in pattern order.
            var required: [AtomFilter] = []
            var run: [UInt8] = []
            // What the match starts with: decided by the first element that can consume text.
            var leading: Set<Atom>?
            var leadingDecided = false
            var runIsLeading = false
            // The first literals of the optional elements before the first required one (`di` in
            // `(?:di)?coblos`): a match starts with one of them or with the required element's.
            var optionalLeading: Set<Atom>? = []
            // When that is a single element written as plain literals and taken at most once (`(?:di|ter)?`),
            // those literals and where they start a word: each joins the first required literals, so
            // that a match starts with "dicoblos", "tercoblos" or "coblos", not with "di" or "ter".
            var optionalCount = 0
            var optionalWhole: (literals: [[UInt8]], start: WordStart?)?
            /// The leading atoms `first` stands for when the single optional element joins them.
            func joined(_ first: Set<Atom>) -> Set<Atom>? {
                guard optionalCount == 1, let (literals, start) = optionalWhole,
                      literals.count * first.count <= Parser.joinedLimit else { return nil }
                return first.union(literals.filter { !$0.isEmpty }.flatMap { literal in
                    first.map { Atom(text(literal) + $0.text, wordStart: start?.startsWord(with: literal[0]) ?? false, wordEnd: $0.wordEnd) }
                })
            }
            // A word-start assertion holds right here (nothing consumed since), and the run began at one.
            var wordStart = start
            var runWordStart = false
            func consider(_ candidate: AtomFilter) {
                if !candidate.atoms.isEmpty { required.append(candidate) }
            }
            // `required`: false when a longer requirement holding the run was considered instead.
            func flush(wordEnd: Bool = false, required: Bool = true) {
                // Spaces at the end of a run add little and would make a second atom of a word
                // ("kantor " beside "kantor"); spaces alone would occur in every post.
                var word = run
                while word.last == UInt8(ascii: " ") { word.removeLast() }
                if !word.isEmpty {
                    let atom = Atom(text(word), wordStart: runWordStart, wordEnd: wordEnd && word.count == run.count)
                    if runIsLeading { leading = joined([atom]) ?? optionalLeading?.union([atom]) }
                    if required { consider(.any([atom])) }
                } else if runIsLeading {
                    leading = nil
                }
                runIsLeading = false
                run = []
                runWordStart = false
            }
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "|") || c == UInt8(ascii: ")") { break }
                // Word-boundary assertions: they end the run before them and mark what follows.
                if let length = assertion(Parser.startAssertions) {
                    index += length
                    flush()
                    wordStart = .notAfterWord
                    continue
                }
                if let length = assertion(Parser.endAssertions) {
                    index += length
                    flush(wordEnd: true)
                    continue
                }
                if c == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "b") {
                    index += 2
                    flush(wordEnd: run.last.map(Atom.isWordByte) ?? false)
                    wordStart = .boundary
                    continue
                }
                // One element: its requirement and whether it is a single literal character.
                var element: ListAnalysis?
                var literal: [UInt8]?
                // Zero-width elements (anchors, lookarounds) leave the start of the match where it was.
                var zeroWidth = false
                // `\s` where white space is single spaces: one space, even when repeated.
                var space = false
                // The word start holds for this element only if nothing is consumed before it.
                let startHere = wordStart
                let elementStart = index
                if let ref = refs.first(where: { $0.range.lowerBound == index }) {
                    element = listAtoms(ref)
                    index = ref.range.upperBound
                } else if c == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { return .unsupported }
                    let e = bytes[index + 1]
                    index += 2
                    let isAlnum = (e >= 48 && e <= 57) || (e >= 65 && e <= 90) || (e >= 97 && e <= 122)
                    zeroWidth = [UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G")].contains(e)
                    if !isAlnum && e < 128 { literal = [e] }
                    else if e == UInt8(ascii: "s"), spaceIsOne { literal = [UInt8(ascii: " ")]; space = true }
                    else if e == UInt8(ascii: "p") || e == UInt8(ascii: "P") || e == UInt8(ascii: "x") || e == UInt8(ascii: "g") || e == UInt8(ascii: "k") {
                        // \p{..}, \x{..}, \g{..}, \k<..>: skip the argument.
                        if index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "<") {
                            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ">")
                            guard let end = bytes[index...].firstIndex(of: close) else { return .unsupported }
                            index = end + 1
                        } else if e == UInt8(ascii: "x") || e == UInt8(ascii: "p") || e == UInt8(ascii: "P") {
                            index = min(bytes.count, index + (e == UInt8(ascii: "x") ? 2 : 1))
                        }
                    } else if e == UInt8(ascii: "Q") || (e >= 49 && e <= 57) {
                        return .unsupported  // \Q..\E quoting and backreferences: not analysed
                    }
                } else if c == UInt8(ascii: "[") {
                    guard skipClass() else { return .unsupported }
                } else if c == UInt8(ascii: "(") {
                    index += 1
                    // A positive lookaround's literals must occur too (next to the match); a negative one's need not.
                    var isNegative = false
                    var isLookaround = false
                    if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
                        guard index + 1 < bytes.count else { return .unsupported }
                        let k = bytes[index + 1]
                        if k == UInt8(ascii: ":") || k == UInt8(ascii: ">") || k == UInt8(ascii: "|") { index += 2 }
                        else if k == UInt8(ascii: "=") || k == UInt8(ascii: "!") { isNegative = k == UInt8(ascii: "!"); isLookaround = true; index += 2 }
                        else if k == UInt8(ascii: "<"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "=") || bytes[index + 2] == UInt8(ascii: "!") {
                            isNegative = bytes[index + 2] == UInt8(ascii: "!")
                            isLookaround = true
                            index += 3
                        }
                        else if k == UInt8(ascii: "<") || k == UInt8(ascii: "P") || k == UInt8(ascii: "'") {
                            guard let end = bytes[(index + 2)...].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "'") }) else { return .unsupported }
                            index = end + 1
                        } else { return .unsupported }  // inline options, conditionals, callouts: not analysed
                    } else if index < bytes.count, bytes[index] == UInt8(ascii: "*") {
                        return .unsupported  // (*VERB)
                    }
                    let inner = alternation(start: isLookaround ? nil : startHere)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return .unsupported }
                    if case .unsupported = inner { return .unsupported }
                    index += 1
                    // A positive lookaround's atoms are required but lie elsewhere than the match's start.
                    if !isNegative, case .filter(let filter, let leading) = inner { element = (filter, isLookaround ? nil : leading) }
                    zeroWidth = isLookaround
                } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "^") || c == UInt8(ascii: "$") {
                    zeroWidth = c != UInt8(ascii: ".")
                    index += 1
                } else if c == UInt8(ascii: "*") || c == UInt8(ascii: "+") || c == UInt8(ascii: "?") || c == UInt8(ascii: "{") {
                    return .unsupported  // a quantifier with nothing before it
                } else {
                    // A literal character (possibly multi-byte).
                    var end = index + 1
                    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    literal = Array(bytes[index..<end])
                    index = end
                }
                let elementEnd = index
                // Quantifier?
                var optional = false
                var repeated = false
                // `?`: taken at most once.
                var atMostOnce = false
                if index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "?"), UInt8(ascii: "*"): optional = true; atMostOnce = bytes[index] == UInt8(ascii: "?"); index += 1
                    case UInt8(ascii: "+"): repeated = !space; index += 1
                    case UInt8(ascii: "{"):
                        if let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")),
                           let minimum = Int(String(decoding: bytes[(index + 1)..<close], as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).first ?? "") {
                            optional = minimum == 0
                            repeated = true
                            index = close + 1
                        }
                    default: break
                    }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "+") { index += 1 }
                }
                if !leadingDecided && !zeroWidth {
                    if optional {
                        // Its first literals, if known; the start is decided by a later element.
                        let first: Set<Atom>? = space ? nil : literal.map { bytes in
                            [Atom(text(bytes),
                                  wordStart: startHere?.startsWord(with: bytes[0]) ?? false)]
                        } ?? element?.leading
                        optionalLeading = first.flatMap { first in optionalLeading.map { $0.union(first) } }
                        optionalCount += 1
                        optionalWhole = atMostOnce ? plainLiterals(elementStart..<elementEnd).map { ($0, startHere) } : nil
                    } else {
                        leadingDecided = true
                        if literal != nil { runIsLeading = true }
                        else if let element {
                            leading = element.leading.flatMap { first in joined(first) ?? optionalLeading.map { $0.union(first) } }
                        }
                    }
                }
                if !zeroWidth { wordStart = nil }
                if let literal, !optional {
                    if run.isEmpty, let startHere, let first = literal.first {
                        runWordStart = startHere.startsWord(with: first)
                    }
                    run.append(contentsOf: literal)
                    if repeated { flush() }  // "ab+c": "ab" is certain, then the run restarts
                    continue
                }
                // A literal right before a group or list that starts with known literals: every match
                // holds the two joined (`#(?:tolak|stop)` holds "#tolak" or "#stop", rarer than "#"
                // and than "tolak" alone). The joined atoms stand for the run, but not for the group,
                // whose own requirement is kept: the plan cuts atoms to a few bytes.
                if !optional, !zeroWidth, !run.isEmpty, let element, let first = element.leading, !first.isEmpty, first.count <= Parser.joinedLimit {
                    let prefix = text(run)
                    let both = Set(first.map { Atom(prefix + $0.text, wordStart: runWordStart, wordEnd: $0.wordEnd) })
                    consider(.any(both))
                    // A match that starts with the run starts with the two joined.
                    if runIsLeading { leading = joined(both) ?? optionalLeading?.union(both); runIsLeading = false }
                    flush(required: false)
                    consider(element.filter)
                    continue
                }
                flush()
                if !optional, let element { consider(element.filter) }
            }
            flush()
            guard !required.isEmpty else { return .nothing }
            // The most selective part, and the next one when it is selective too (a short literal
            // such as "#" or "di" occurs in most posts: looking for it costs more than it saves).
            let ranked = required.enumerated().map { (offset: $0.offset, filter: $0.element, score: $0.element.score, size: $0.element.atoms.count) }
                .sorted { ($0.score, -$0.size, -$0.offset) > ($1.score, -$1.size, -$1.offset) }
            let kept = ranked.prefix(1) + ranked.dropFirst().prefix(1).filter { $0.score >= Parser.selectiveScore }
            let filters = kept.sorted { $0.offset < $1.offset }.map(\.filter)
            return .filter(.conjunction(filters), leading: leading)
        }

        /// The literals an element written at `range` stands for when it is plain text: one literal
        /// character, or a group `(?:…|…)` of branches without any syntax (nil otherwise).
        func plainLiterals(_ range: Range<Int>) -> [[UInt8]]? {
            let special = Set("\\()[]{}|.^$*+?".utf8)
            let written = bytes[range]
            if !written.contains(where: special.contains) { return written.isEmpty ? nil : [Array(written)] }
            let open = Array("(?:".utf8)
            guard written.starts(with: open), written.last == UInt8(ascii: ")") else { return nil }
            let inner = written.dropFirst(open.count).dropLast()
            let branches = inner.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            guard !branches.contains(where: { $0.contains(where: special.contains) }) else { return nil }
            return branches.map(Array.init)
        }

        mutating func skipClass() -> Bool {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "[") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ":") {
                    guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else { return false }
                    index = end + 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return true }
                index += 1
            }
            return false
        }
    }
}
