import Foundation

/// A JSON (RFC 8259) parser over UTF-8 bytes, made for reading millions of small records:
/// one pass, no Foundation objects, nesting bounded so hostile input cannot exhaust the stack.
/// Like Foundation's `JSONSerialization`, it accepts a trailing comma before `}` or `]` and a leading
/// byte-order mark; anything
/// else outside the grammar is an error naming the byte.
struct JSONParser {
    /// Why the input is not JSON, and the byte where that was found.
    struct Failure: Error, Sendable {
        var message: String
        var offset: Int
        /// True when the input is refused for nesting deeper than the limit.
        var tooDeep = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index = 0
    private let maxDepth: Int
    /// True: a string that is not valid UTF-8 is an error; false: its bad bytes become U+FFFD.
    private let strictUTF8: Bool

    /// A parser positioned at the start of `bytes`, for readers that walk a value themselves
    /// (``CanonicalPostReader``) with ``skipSpace()``, ``string()`` and ``value(depth:)``.
    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, strictUTF8: Bool = false) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.strictUTF8 = strictUTF8
    }

    /// Parses one JSON value filling the whole input (white space around it allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        // A UTF-8 byte-order mark before the value is skipped, as Foundation skips it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    /// Parses one JSON value from an array of bytes.
    static func parse<C: Collection>(_ bytes: C, maxDepth: Int = 64) throws(Failure) -> JSONValue where C.Element == UInt8 {
        let result: Result<JSONValue, Failure>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(Failure) in try parse(buffer, maxDepth: maxDepth) }
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(Failure) in try parse(buffer, maxDepth: maxDepth) }
    }

    /// An error at the current byte.
    func failure(_ message: String) -> Failure {
        Failure(message: index < bytes.count ? "\(message) at byte \(index)" : "\(message) at the end of the input", offset: index)
    }

    /// Moves past JSON white space.
    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The value at the current byte, nested `depth` levels deep.
    mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure("a value is missing") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character '\(Self.show(bytes[index]))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of input") }
        for k in 0..<count where bytes[index + k] != word.utf8Start[k] {
            throw failure("unexpected character '\(Self.show(bytes[index]))'")
        }
        index += count
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        if depth > maxDepth { var f = failure("nested deeper than \(maxDepth) levels"); f.tooDeep = true; throw f }
        index += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}"), !members.isEmpty { index += 1; return .object(members) }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\"") }
            index += 1
            skipSpace()
            members.append(JSONValue.Member(key: key, value: try value(depth: depth)))
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw failure("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        if depth > maxDepth { var f = failure("nested deeper than \(maxDepth) levels"); f.tooDeep = true; throw f }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]"), !items.isEmpty { index += 1; return .array(items) }
            items.append(try value(depth: depth))
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw failure("expected ',' or ']'")
        }
    }

    private mutating func number() throws(Failure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - from
        }
        guard index < bytes.count else { throw failure("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw failure("a number needs digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("digits must follow the decimal point") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("digits must follow the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string; the opening quote is at `index`.
    mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes. Eight bytes at a time while none is a quote, a backslash or a
        // control character; the byte loop below then finds which one it is.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count, !JSONParser.mayEndPlainRun(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return try text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string (write it as \\u00\(String(byte, radix: 16)))") }
            index += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try out.withUnsafeBufferPointer { buffer throws(Failure) in try text(buffer) }
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                        }
                    }
                    // A lone surrogate becomes U+FFFD.
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: String(scalar).utf8)
                default:
                    index -= 1
                    throw failure("invalid escape '\\\(Self.show(escape))'")
                }
            default:
                if byte < 0x20 { throw failure("control character in a string (write it as \\u00\(String(byte, radix: 16)))") }
                out.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// A string's bytes as text: checked (``strictUTF8``) or repaired.
    /// Whether one of the eight bytes of `word` may be a quote, a backslash or a control
    /// character (never false when one is): the byte-parallel tests of "Bit Twiddling Hacks"
    /// (S. E. Anderson), a byte equal to a value and a byte less than one.
    @inline(__always)
    static func mayEndPlainRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control != 0 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        var decoded = String(decoding: utf8, as: UTF8.self)
        guard strictUTF8 else { return decoded }
        // Decoding replaces each bad sequence with U+FFFD, which it cannot have been (U+FFFD is
        // valid): the bytes come out unchanged exactly when they were valid. (`String(validating:)`
        // would say so directly, but unspecialised it looks up generic metadata on every call.)
        let unchanged = decoded.withUTF8 { out in
            out.count == utf8.count && (out.isEmpty || memcmp(out.baseAddress!, utf8.baseAddress!, out.count) == 0)
        }
        guard unchanged else { throw failure("a string is not valid UTF-8") }
        return decoded
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }
}
