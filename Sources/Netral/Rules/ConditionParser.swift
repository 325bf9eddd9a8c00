/// Parses the condition language (see ``Condition``).
///
/// Errors carry the byte offset in the condition text, so the loader can
/// point at the exact column in the rule file.
struct ConditionParser {
    struct Failure: Error {
        var message: String
        var offset: Int
        var hint: String?
    }

    private enum Token: Equatable {
        case identifier(String), number(Int), comparison(String), open, close, comma, end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    /// The names `them` stands for: every pattern the condition may use.
    private let them: [String]

    init(_ text: String, patterns them: [String]) throws(Failure) {
        self.them = them
        self.tokens = try ConditionParser.tokenize(text)
    }

    static func parse(_ text: String, patterns: [String]) throws(Failure) -> Condition {
        var parser = try ConditionParser(text, patterns: patterns)
        let condition = try parser.orExpression()
        guard case .end = parser.peek else {
            throw Failure(message: "unexpected \(parser.describe(parser.peek)) after a complete condition", offset: parser.offset,
                          hint: "join conditions with 'and' or 'or'")
        }
        return condition
    }

    private var peek: Token { tokens[index].token }
    private var offset: Int { tokens[index].offset }

    private mutating func advance() -> Token {
        let t = tokens[index].token
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let s): return "'\(s)'"
        case .number(let n): return "'\(n)'"
        case .comparison(let c): return "'\(c)'"
        case .open: return "'('"
        case .close: return "')'"
        case .comma: return "','"
        case .end: return "end of condition"
        }
    }

    private mutating func expect(_ token: Token, _ what: String) throws(Failure) {
        guard peek == token else {
            throw Failure(message: "expected \(what), found \(describe(peek))", offset: offset)
        }
        _ = advance()
    }

    private mutating func keyword(_ word: String) -> Bool {
        if case .identifier(let s) = peek, s == word { _ = advance(); return true }
        return false
    }

    private mutating func name(_ what: String = "a pattern name") throws(Failure) -> String {
        guard case .identifier(let s) = peek, !["and", "or", "not", "of"].contains(s) else {
            throw Failure(message: "expected \(what), found \(describe(peek))", offset: offset)
        }
        _ = advance()
        return s
    }

    private mutating func integer() throws(Failure) -> Int {
        guard case .number(let n) = peek else {
            throw Failure(message: "expected a whole number, found \(describe(peek))", offset: offset)
        }
        _ = advance()
        return n
    }

    private mutating func orExpression() throws(Failure) -> Condition {
        var operands = [try andExpression()]
        while keyword("or") { operands.append(try andExpression()) }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func andExpression() throws(Failure) -> Condition {
        var operands = [try notExpression()]
        while keyword("and") { operands.append(try notExpression()) }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func notExpression() throws(Failure) -> Condition {
        if keyword("not") { return .not(try notExpression()) }
        return try primary()
    }

    /// `(a, b, c)` or `them`.
    private mutating func nameList() throws(Failure) -> [String] {
        if keyword("them") { return them }
        try expect(.open, "'(' or 'them'")
        var names = [try name()]
        while peek == .comma {
            _ = advance()
            names.append(try name())
        }
        try expect(.close, "')'")
        return names
    }

    private mutating func primary() throws(Failure) -> Condition {
        let start = offset
        switch peek {
        case .open:
            _ = advance()
            let inner = try orExpression()
            try expect(.close, "')'")
            return inner
        case .number(let n):
            _ = advance()
            guard keyword("of") else { throw Failure(message: "expected 'of' after \(n)", offset: offset, hint: "write '2 of (a, b, c)'") }
            return .atLeast(n, try nameList())
        case .identifier(let word):
            _ = advance()
            switch word {
            case "true": return .constant(true)
            case "false": return .constant(false)
            case "any", "all":
                guard keyword("of") else {
                    if peek == .open { break }
                    throw Failure(message: "expected 'of' after '\(word)'", offset: offset, hint: "write '\(word) of (a, b)' or '\(word) of them'")
                }
                let names = try nameList()
                return word == "any" ? .atLeast(1, names) : .and(names.map(Condition.pattern))
            case "near":
                try expect(.open, "'(' after near")
                let a = try name()
                try expect(.comma, "','")
                let b = try name()
                try expect(.comma, "','")
                let words = try integer()
                try expect(.close, "')'")
                return .near(a, b, words: words)
            case "count":
                try expect(.open, "'(' after count")
                let n = try name()
                try expect(.close, "')'")
                guard case .comparison(let op) = peek, let comparison = Condition.Comparison(rawValue: op) else {
                    throw Failure(message: "expected a comparison (>=, >, ==, !=, <, <=) after count(\(n))", offset: offset)
                }
                _ = advance()
                return .count(n, comparison, try integer())
            case "during":
                try expect(.open, "'(' after during")
                let window = try name("a window name such as campaign, quiet or voting")
                try expect(.close, "')'")
                return .during(window)
            case "action":
                try expect(.open, "'(' after action")
                var actions: [Action] = []
                repeat {
                    if peek == .comma { _ = advance() }
                    let at = offset
                    let word = try name("an action")
                    guard let action = Action(rawValue: word) else {
                        throw Failure(message: "unknown action '\(word)'", offset: at,
                                      hint: "use one of \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    actions.append(action)
                } while peek == .comma
                try expect(.close, "')'")
                return .action(actions)
            case "and", "or", "of":
                throw Failure(message: "'\(word)' needs something before it", offset: start)
            default:
                if peek == .open {
                    throw Failure(message: "unknown function '\(word)'", offset: start,
                                  hint: "the functions are near(a, b, N), count(a) >= N, during(window), action(like, share), N of (a, b)")
                }
                return .pattern(word)
            }
            return .pattern(word)
        default:
            throw Failure(message: "expected a pattern name, 'not', '(' or a function, found \(describe(peek))", offset: start)
        }
    }

    private static func tokenize(_ text: String) throws(Failure) -> [(token: Token, offset: Int)] {
        var out: [(token: Token, offset: Int)] = []
        let bytes = Array(text.utf8)
        var i = 0
        func isIdentifierByte(_ b: UInt8, first: Bool) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || (!first && ((b >= 48 && b <= 57) || b == 46 || b == 45))
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 { i += 1; continue }
            let start = i
            switch b {
            case UInt8(ascii: "("): out.append((.open, i)); i += 1
            case UInt8(ascii: ")"): out.append((.close, i)); i += 1
            case UInt8(ascii: ","): out.append((.comma, i)); i += 1
            case UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "!"):
                var op = String(UnicodeScalar(b))
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "=") { op += "="; i += 1 }
                i += 1
                guard Condition.Comparison(rawValue: op) != nil else {
                    throw Failure(message: "'\(op)' is not an operator", offset: start, hint: "use >=, >, ==, !=, <, <=")
                }
                out.append((.comparison(op), start))
            case 48...57:
                var n = 0
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                    n = n * 10 + Int(bytes[i] - 48)
                    i += 1
                    if n > 1_000_000 { throw Failure(message: "number too large", offset: start) }
                }
                out.append((.number(n), start))
            default:
                guard isIdentifierByte(b, first: true) else {
                    let scalar = String(decoding: bytes[i...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
                    throw Failure(message: "unexpected character '\(scalar)'", offset: start,
                                  hint: "use 'and', 'or', 'not' and parentheses; pattern names are letters, digits and _")
                }
                while i < bytes.count, isIdentifierByte(bytes[i], first: false) { i += 1 }
                out.append((.identifier(String(decoding: bytes[start..<i], as: UTF8.self)), start))
            }
        }
        out.append((.end, bytes.count))
        return out
    }
}
