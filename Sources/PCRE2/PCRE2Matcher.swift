internal import CPCRE2

/// The matching state one thread uses: PCRE2 match data, a match context that
/// carries the limits, and a JIT stack. Reuse one for every match that thread
/// runs, with any number of patterns.
///
/// A matcher is not thread-safe: give each worker its own. Patterns
/// (``PCRE2Regex``) are shared freely.
///
/// ```swift
/// let matcher = PCRE2Matcher()
/// for post in posts {
///     for rule in regexes where try matcher.firstMatch(of: rule, in: post) != nil { ... }
/// }
/// ```
public final class PCRE2Matcher {
    private let context: OpaquePointer
    private var jitStack: OpaquePointer?
    private var jitStackMax = 0
    private var matchData: OpaquePointer
    private var pairs: UInt32
    private var current: MatchLimits?

    /// Creates matching state; it grows itself to fit patterns with many groups.
    public init() {
        guard let context = pcre2_match_context_create_8(nil),
              let data = pcre2_match_data_create_8(16, nil) else {
            fatalError("PCRE2: out of memory creating a match context")
        }
        self.context = context
        self.matchData = data
        self.pairs = 16
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    /// The first match of `regex` in `subject` at or after byte offset `start`.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func firstMatch(of regex: PCRE2Regex, in subject: String, from start: Int = 0) throws(PCRE2Error) -> PCRE2Match? {
        try withBytes(subject) { (bytes) throws(PCRE2Error) in try firstMatch(of: regex, inUTF8: bytes, from: start) }
    }

    /// Every non-overlapping match of `regex` in `subject`, left to right.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func matches(of regex: PCRE2Regex, in subject: String) throws(PCRE2Error) -> [PCRE2Match] {
        try withBytes(subject) { (bytes) throws(PCRE2Error) in try matches(of: regex, inUTF8: bytes) }
    }

    /// The byte range of the first match of `regex` in `subject` at or after byte offset `start`,
    /// without its groups: for a caller that only needs where the match is, nothing is allocated.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func firstRange(of regex: PCRE2Regex, in subject: String, from start: Int = 0) throws(PCRE2Error) -> Range<Int>? {
        try withBytes(subject) { (bytes) throws(PCRE2Error) in
            guard start >= 0, start <= bytes.count else { return nil }
            return try search(regex, bytes, start, 0)
        }
    }

    /// The byte ranges of every non-overlapping match of `regex` in `subject`, left to right:
    /// ``matches(of:in:)`` without the groups.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func ranges(of regex: PCRE2Regex, in subject: String) throws(PCRE2Error) -> [Range<Int>] {
        try withBytes(subject) { (bytes) throws(PCRE2Error) in try each(regex, bytes) { $0 } }
    }

    /// The first match in raw UTF-8 bytes (not necessarily valid) at or after `start`.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func firstMatch(of regex: PCRE2Regex, inUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) throws(PCRE2Error) -> PCRE2Match? {
        guard start >= 0, start <= bytes.count, try search(regex, bytes, start, 0) != nil else { return nil }
        return PCRE2Match(groups: groups(of: regex), regex: regex)
    }

    /// Every non-overlapping match in raw UTF-8 bytes, left to right. After an
    /// empty match the search moves on by one character, as Perl and PCRE2's
    /// own demo program do, so the iteration always ends.
    /// - Throws: ``PCRE2Error`` when a limit is hit.
    public func matches(of regex: PCRE2Regex, inUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(PCRE2Error) -> [PCRE2Match] {
        try each(regex, bytes) { _ in PCRE2Match(groups: groups(of: regex), regex: regex) }
    }

    /// Runs the search for every non-overlapping match and makes `element` of each, right after
    /// the match is found (while the match data still holds its groups).
    private func each<T>(_ regex: PCRE2Regex, _ bytes: UnsafeBufferPointer<UInt8>, _ element: (Range<Int>) -> T) throws(PCRE2Error) -> [T] {
        var found: [T] = []
        var start = 0
        var options: UInt32 = 0
        while start <= bytes.count {
            guard let range = try search(regex, bytes, start, options) else {
                if options == 0 { break }
                // No non-empty match right here: step over one character and search on.
                options = 0
                start = PCRE2Matcher.nextCharacter(after: start, in: bytes)
                continue
            }
            found.append(element(range))
            start = range.upperBound
            options = range.isEmpty ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0
            if range.isEmpty && start == bytes.count { break }
        }
        return found
    }

    /// Runs one match and returns the whole match's byte range (the match data then holds the
    /// groups); nil when there is none.
    private func search(_ regex: PCRE2Regex, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ options: UInt32) throws(PCRE2Error) -> Range<Int>? {
        prepare(for: regex)
        let subject = bytes.baseAddress ?? cpcre2_empty()
        let rc: Int32
        if regex.isJIT && options == 0 {
            rc = pcre2_jit_match_8(regex.code, subject, bytes.count, start, 0, matchData, context)
        } else {
            rc = pcre2_match_8(regex.code, subject, bytes.count, start, options, matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error.match(rc) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        // \K can put the start after the end.
        return min(ovector[0], ovector[1])..<ovector[1]
    }

    /// The groups of the match just found.
    private func groups(of regex: PCRE2Regex) -> [Range<Int>?] {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(regex.captureCount + 1)
        for group in 0...regex.captureCount {
            let lower = ovector[2 * group], upper = ovector[2 * group + 1]
            // Unset groups read as PCRE2_UNSET (-1 as a signed size); \K can put start after end.
            if lower < 0 || upper < 0 { groups.append(nil) } else { groups.append(min(lower, upper)..<upper) }
        }
        return groups
    }

    /// Sizes the match data and applies the regex's limits to the context.
    private func prepare(for regex: PCRE2Regex) {
        let needed = UInt32(regex.captureCount + 1)
        if needed > pairs {
            pcre2_match_data_free_8(matchData)
            guard let data = pcre2_match_data_create_8(needed, nil) else {
                fatalError("PCRE2: out of memory creating match data")
            }
            matchData = data
            pairs = needed
        }
        let limits = regex.limits
        guard limits != current else { return }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        if limits.jitStackMaxBytes != jitStackMax {
            if let jitStack { pcre2_jit_stack_free_8(jitStack) }
            let maximum = max(limits.jitStackMaxBytes, 32 * 1024)
            jitStack = pcre2_jit_stack_create_8(min(32 * 1024, maximum), maximum, nil)
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
            jitStackMax = limits.jitStackMaxBytes
        }
        current = limits
    }

    /// The byte offset of the next character after `offset`, skipping UTF-8 continuation bytes.
    private static func nextCharacter(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    private func withBytes<T>(_ subject: String, _ body: (UnsafeBufferPointer<UInt8>) throws(PCRE2Error) -> T) throws(PCRE2Error) -> T {
        // Native Swift strings hand out their own storage: no copy.
        let result: Result<T, PCRE2Error>? = subject.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(PCRE2Error) in try body(bytes) }
        }
        if let result { return try result.get() }
        var copy = subject
        let copied = copy.withUTF8 { bytes in Result { () throws(PCRE2Error) in try body(bytes) } }
        return try copied.get()
    }

    /// Lets a pool hand a matcher from one thread to the next; never shared at once.
    final class Box: @unchecked Sendable {
        let matcher: PCRE2Matcher
        init(_ matcher: PCRE2Matcher) { self.matcher = matcher }
    }
}
