/// Writes ``JSONValue``s as compact JSON: keys sorted, slashes and non-ASCII characters as
/// written, control characters escaped. Appends bytes to a buffer, so writing a result line
/// costs no Foundation objects.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// The value as one line of compact JSON (without a newline).
    static func line(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let literal): bytes.append(contentsOf: literal.utf8)
        case .string(let s): write(string: s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.isSorted ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends JSON text as it is.
    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `prefix` (punctuation and a key, as JSON text), then `value` as a string.
    mutating func write(_ prefix: StaticString, string value: String) {
        append(prefix)
        write(string: value)
    }

    /// Appends `prefix` and `value` as a string when there is a value; nothing otherwise.
    mutating func write(_ prefix: StaticString, ifPresent value: String?) {
        if let value { write(prefix, string: value) }
    }

    /// Appends `prefix`, then `values` as an array of strings.
    mutating func write(_ prefix: StaticString, strings values: some Sequence<String>) {
        append(prefix)
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(string: value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an integer.
    mutating func write(int value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Runs that need no escape are copied whole.
            var run = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                run = index + 1
                switch byte {
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00..<0x20:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              JSONWriter.hexDigits[Int(byte >> 4)], JSONWriter.hexDigits[Int(byte & 0xF)]])
                default: bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

private extension Array where Element == JSONValue.Member {
    var isSorted: Bool {
        guard count > 1 else { return true }
        for i in 1..<count where !self[i - 1].key.utf8.lexicographicallyPrecedes(self[i].key.utf8) { return false }
        return true
    }
}
