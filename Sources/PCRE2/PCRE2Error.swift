internal import CPCRE2

/// An error from PCRE2: a pattern it rejects, or a match it could not finish.
///
/// Compile errors carry PCRE2's own message and the byte ``offset`` in the
/// pattern where it stopped; match errors carry the kind of limit that was hit.
///
/// ```swift
/// do { _ = try PCRE2Regex("abc(def") }
/// catch { print(error) } // PCRE2: error compiling pattern at offset 7: missing closing parenthesis
/// ```
public struct PCRE2Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Hashable {
        /// The pattern does not compile.
        case compile
        /// The match ran into ``MatchLimits/matchLimit``.
        case matchLimit
        /// The match ran into ``MatchLimits/depthLimit``.
        case depthLimit
        /// The match ran into ``MatchLimits/heapLimitKiB``.
        case heapLimit
        /// The JIT stack reached ``MatchLimits/jitStackMaxBytes``.
        case jitStackLimit
        /// PCRE2 could not get memory.
        case noMemory
        /// Any other failure while matching.
        case match
    }

    /// What went wrong.
    public let kind: Kind
    /// PCRE2's error code (negative for match errors, positive for compile errors).
    public let code: Int32
    /// PCRE2's own explanation.
    public let message: String
    /// For compile errors, the byte offset in the pattern where PCRE2 stopped.
    public let offset: Int?

    /// True when the error is one of the resource limits (match, depth, heap, JIT stack).
    public var isLimit: Bool {
        switch kind {
        case .matchLimit, .depthLimit, .heapLimit, .jitStackLimit: return true
        default: return false
        }
    }

    /// A one-line description naming the kind, PCRE2's message and the offset.
    public var description: String {
        if let offset {
            return "PCRE2: error compiling pattern at offset \(offset): \(message)"
        }
        return "PCRE2: \(kind.rawValue) error \(code): \(message)"
    }

    init(kind: Kind, code: Int32, offset: Int? = nil) {
        self.kind = kind
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.offset = offset
    }

    /// Maps a negative `pcre2_match` return code to an error.
    static func match(_ code: Int32) -> PCRE2Error {
        let kind: Kind
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: kind = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: kind = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: kind = .jitStackLimit
        case PCRE2_ERROR_NOMEMORY: kind = .noMemory
        default: kind = .match
        }
        return PCRE2Error(kind: kind, code: code)
    }

    /// PCRE2's text for an error code.
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { buf in
            pcre2_get_error_message_8(code, buf.baseAddress, buf.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
