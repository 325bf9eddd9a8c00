internal import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern: immutable, JIT-compiled when the platform allows,
/// and safe to share between threads.
///
/// Compile once, match many times. The convenience methods borrow per-thread
/// matching state from an internal pool; hot loops that match many patterns
/// on one thread pass their own ``PCRE2Matcher`` instead.
///
/// ```swift
/// let regex = try PCRE2Regex(#"coblos\s+(?<no>0?[1-3])"#, options: .caseless)
/// if let match = try regex.firstMatch(in: "Ayo COBLOS 02!") {
///     print(match.substring(in: "Ayo COBLOS 02!"))     // "COBLOS 02"
///     print(match.range(named: "no").map { $0 })      // Optional(11..<13)
/// }
/// ```
public final class PCRE2Regex: @unchecked Sendable {
    // @unchecked: `code` is written only in `init` (compile + JIT) and read-only
    // afterwards, which pcre2api's MULTITHREADING section declares safe to share.

    /// The pattern as written.
    public let pattern: String
    /// The options it was compiled with.
    public let options: CompileOptions
    /// The limits every match of this pattern runs under.
    public let limits: MatchLimits
    /// True when the pattern was JIT-compiled; false when it runs on the interpreter.
    public let isJIT: Bool
    /// The number of capture groups (not counting group 0, the whole match).
    public let captureCount: Int
    /// The names of named groups, by group number.
    public let groupNames: [String: Int]

    let code: OpaquePointer
    private let pool = Mutex<[PCRE2Matcher.Box]>([])

    /// Compiles a pattern.
    ///
    /// - Parameters:
    ///   - pattern: PCRE2 syntax. UTF-8 and Unicode properties are always on.
    ///   - options: extra compile options.
    ///   - limits: the bounds every match of this pattern runs under.
    ///   - jit: whether to try JIT compilation; when it fails the interpreter is used.
    /// - Throws: ``PCRE2Error`` of kind ``PCRE2Error/Kind/compile`` with PCRE2's message and offset.
    public init(
        _ pattern: String,
        options: CompileOptions = [],
        limits: MatchLimits = .default,
        jit: Bool = true
    ) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var copy = pattern
        let compiled = copy.withUTF8 { bytes in
            pcre2_compile_8(
                bytes.baseAddress ?? cpcre2_empty(), bytes.count,
                options.rawValue | CompileOptions.always(for: options),
                &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset)
        }
        // JIT before the object is published: compilation writes into the code block.
        self.isJIT = jit && PCRE2Library.isJITAvailable
            && pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        self.code = compiled
        self.pattern = pattern
        self.options = options
        self.limits = limits
        self.captureCount = Int(PCRE2Regex.info(compiled, PCRE2_INFO_CAPTURECOUNT))
        self.groupNames = PCRE2Regex.readNames(compiled)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// The first match at or after the byte offset `start`, or nil.
    /// - Throws: ``PCRE2Error`` when a match limit is hit.
    public func firstMatch(in subject: String, from start: Int = 0) throws(PCRE2Error) -> PCRE2Match? {
        try withMatcher { (m) throws(PCRE2Error) in try m.firstMatch(of: self, in: subject, from: start) }
    }

    /// True when the pattern matches anywhere in `subject`.
    /// - Throws: ``PCRE2Error`` when a match limit is hit.
    public func isMatch(_ subject: String) throws(PCRE2Error) -> Bool {
        try firstMatch(in: subject) != nil
    }

    /// Every non-overlapping match, left to right; empty matches included.
    /// - Throws: ``PCRE2Error`` when a match limit is hit.
    public func matches(in subject: String) throws(PCRE2Error) -> [PCRE2Match] {
        try withMatcher { (m) throws(PCRE2Error) in try m.matches(of: self, in: subject) }
    }

    /// The first match in raw UTF-8 bytes, which need not be valid UTF-8:
    /// invalid sequences never match, and the text around them still does.
    /// - Throws: ``PCRE2Error`` when a match limit is hit.
    public func firstMatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) throws(PCRE2Error) -> PCRE2Match? {
        try withMatcher { (m) throws(PCRE2Error) in try m.firstMatch(of: self, inUTF8: bytes, from: start) }
    }

    /// Every non-overlapping match in raw UTF-8 bytes, which need not be valid UTF-8.
    /// - Throws: ``PCRE2Error`` when a match limit is hit.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(PCRE2Error) -> [PCRE2Match] {
        try withMatcher { (m) throws(PCRE2Error) in try m.matches(of: self, inUTF8: bytes) }
    }

    /// Runs `body` with a matcher borrowed from this regex's pool.
    private func withMatcher<T>(_ body: (PCRE2Matcher) throws(PCRE2Error) -> T) throws(PCRE2Error) -> T {
        let box = pool.withLock { $0.popLast() } ?? PCRE2Matcher.Box(PCRE2Matcher())
        defer { pool.withLock { if $0.count < 16 { $0.append(box) } } }
        return try body(box.matcher)
    }

    private static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(what), &value)
        return value
    }

    private static func readNames(_ code: OpaquePointer) -> [String: Int] {
        let count = Int(info(code, PCRE2_INFO_NAMECOUNT))
        guard count > 0 else { return [:] }
        let entrySize = Int(info(code, PCRE2_INFO_NAMEENTRYSIZE))
        var table: UnsafePointer<UInt8>?
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: Int] = [:]
        for i in 0..<count {
            let entry = table + i * entrySize
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            names[name] = number
        }
        return names
    }
}
