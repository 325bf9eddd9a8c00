import Foundation

/// A JSON value as Netral reads and writes it: records in, results out.
///
/// Objects keep their members in order (a post has a dozen keys, so a linear look-up beats
/// hashing), and numbers keep the literal as written, so an id like `1234567890123456789`
/// survives unchanged.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as its JSON literal.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One member of an object.
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }

    /// An integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A floating-point number written as JSON: integral values without a fraction (`1`), others in
    /// their shortest exact form (`0.85`).
    static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number("\(value)")
    }

    /// An object from key–value pairs (nil values are left out).
    static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { pair in pair.value.map { Member(key: pair.key, value: $0) } })
    }

    /// The member named `key`, if this is an object that has it (the last one, if repeated).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// "a string", "a number", ...: for error messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Converts a Foundation JSON object (`JSONSerialization`'s and importers' `[String: Any]`).
    init(any value: Any) {
        switch value {
        case let s as String: self = .string(s)
        case let n as NSNumber:
            if String(describing: type(of: n)).contains("Boolean") { self = .bool(n.boolValue) }
            else if let i = Int(n.stringValue) { self = .int(i) }
            else { self = JSONValue.double(n.doubleValue) }
        case let b as Bool: self = .bool(b)
        case let i as Int: self = .int(i)
        case let d as Double: self = JSONValue.double(d)
        case let items as [Any]: self = .array(items.map(JSONValue.init(any:)))
        case let o as [String: Any]: self = .object(o.map { Member(key: $0.key, value: JSONValue(any: $0.value)) })
        case let v as JSONValue: self = v
        default: self = .null
        }
    }

    /// The value as Foundation objects (`[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool`, `NSNull`).
    var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let literal):
            if let integer = Int(literal) { return integer }
            return Double(literal) ?? 0
        case .string(let s): return s
        case .array(let items): return items.map(\.foundationObject)
        case .object(let members):
            var o: [String: Any] = [:]
            for m in members { o[m.key] = m.value.foundationObject }
            return o
        }
    }
}
