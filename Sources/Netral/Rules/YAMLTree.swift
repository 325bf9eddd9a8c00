import Foundation
import Yams

/// A parsed rule file: YAML (or JSON, its subset) as a tree whose every node
/// knows where it was written. Parsing is bounded: alias expansion, nesting
/// depth and node count are capped, so hostile files fail fast.
indirect enum YAMLTree: Sendable {
    case scalar(String, Style, SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLTree)], SourceLocation)
    case sequence([YAMLTree], SourceLocation)

    /// How a scalar was written; needed to map offsets inside it back to columns.
    enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .mapping(_, let l), .sequence(_, let l): return l
        }
    }

    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping (key: value)"
        case .sequence: return "a list"
        }
    }

    /// Limits on what a rule file may contain.
    struct Limits: Sendable {
        var maxBytes = 8 << 20
        var maxNodes = 200_000
        var maxDepth = 64
    }

    /// Parses `text`; on failure returns a located diagnostic instead.
    static func parse(_ text: String, file: String, limits: Limits = Limits()) -> Result<YAMLTree?, Diagnostic> {
        if text.utf8.count > limits.maxBytes {
            return .failure(Diagnostic(.error, "NR101", "file is \(text.utf8.count) bytes, over the \(limits.maxBytes)-byte limit for a rule file",
                                       hint: "split it into several files", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if let deep = tooDeep(text, limit: limits.maxDepth) {
            return .failure(Diagnostic(.error, "NR102", "nesting deeper than \(limits.maxDepth) levels",
                                       hint: "rule files never need this much nesting; check for a runaway structure",
                                       at: SourceLocation(file: file, line: deep.line, column: deep.column)))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(yamlDiagnostic(error, file: file))
        } catch {
            return .failure(Diagnostic(.error, "NR100", "cannot parse: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let node else { return .success(YAMLTree?.none) }
        var budget = limits.maxNodes
        guard let tree = convert(node, file: file, budget: &budget, depth: 0, maxDepth: limits.maxDepth) else {
            return .failure(Diagnostic(.error, "NR103", "file expands to more than \(limits.maxNodes) nodes (or nests deeper than \(limits.maxDepth))",
                                       hint: "YAML anchors and aliases that multiply (\"billion laughs\") are not allowed; write the values out",
                                       at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return .success(tree)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int, depth: Int, maxDepth: Int) -> YAMLTree? {
        budget -= 1
        guard budget >= 0, depth <= maxDepth else { return nil }
        let mark = node.mark
        let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            let style: Style
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal: style = .literal
            case .folded: style = .folded
            default: style = .plain
            }
            return .scalar(scalar.string, style, location)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLTree)] = []
            for (key, value) in mapping {
                budget -= 1
                let keyMark = key.mark
                let keyLocation = SourceLocation(file: file, line: keyMark?.line ?? location.line, column: keyMark?.column ?? location.column)
                guard let converted = convert(value, file: file, budget: &budget, depth: depth + 1, maxDepth: maxDepth) else { return nil }
                pairs.append((key.string ?? "\(key)", keyLocation, converted))
            }
            return .mapping(pairs, location)
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget, depth: depth + 1, maxDepth: maxDepth) else { return nil }
                items.append(converted)
            }
            return .sequence(items, location)
        case .alias:
            return nil
        }
    }

    /// A cheap pre-scan of flow nesting (`[[[[`) and indentation depth, before libyaml recurses.
    private static func tooDeep(_ text: String, limit: Int) -> (line: Int, column: Int)? {
        var depth = 0, line = 1, column = 0
        var inSingle = false, inDouble = false, inComment = false
        for byte in text.utf8 {
            column += 1
            switch byte {
            case 10: line += 1; column = 0; inComment = false; inSingle = false
            case UInt8(ascii: "#") where !inSingle && !inDouble: inComment = true
            case UInt8(ascii: "'") where !inDouble && !inComment: inSingle.toggle()
            case UInt8(ascii: "\"") where !inSingle && !inComment: inDouble.toggle()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if !inSingle && !inDouble && !inComment {
                    depth += 1
                    if depth > limit { return (line, column) }
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !inSingle && !inDouble && !inComment { depth = max(0, depth - 1) }
            default: break
            }
        }
        // Block nesting: indentation (two spaces a level) plus leading "- " entries ("- - - x").
        line = 0
        for text in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            var spaces = 0, dashes = 0
            var bytes = text.utf8.makeIterator()
            var previous: UInt8 = 0
            while let byte = bytes.next() {
                if byte == UInt8(ascii: " ") {
                    if previous == UInt8(ascii: "-") { dashes += 1 } else if dashes == 0 { spaces += 1 }
                } else if byte != UInt8(ascii: "-") { break }
                previous = byte
            }
            if spaces / 2 + dashes > limit { return (line, 1) }
        }
        return nil
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " \(context.text)" }
            return Diagnostic(.error, "NR100", message,
                              hint: "check indentation and quoting here; quote patterns with single quotes ('...')",
                              at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, "NR104", "duplicate key(s) \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping",
                              hint: "each key may appear once; merge the two entries",
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            return Diagnostic(.error, "NR100", "cannot read: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                              hint: "save the file as UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, "NR100", "cannot parse: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The location of byte `offset` inside this scalar's value, as well as it
    /// can be known: exact for single-line scalars, line-exact for block scalars.
    func location(ofValueByte offset: Int, source: String?) -> SourceLocation {
        guard case .scalar(let value, let style, let start) = self else { return location }
        // An offset at the very end of a block scalar points at its last line, not past its final newline.
        var offset = offset
        if offset >= value.utf8.count, value.hasSuffix("\n") { offset = value.utf8.count - 1 }
        let prefix = String(decoding: value.utf8.prefix(offset), as: UTF8.self)
        let newlines = prefix.filter { $0 == "\n" }.count
        let lastLine = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let scalarsOnLine = lastLine.unicodeScalars.count
        switch style {
        case .plain:
            return SourceLocation(file: start.file, line: start.line + newlines, column: (newlines == 0 ? start.column : 1) + scalarsOnLine)
        case .singleQuoted, .doubleQuoted:
            // Escapes ('' and \x) shift columns a little; exact for the usual unescaped pattern.
            return SourceLocation(file: start.file, line: start.line + newlines, column: (newlines == 0 ? start.column + 1 : 1) + scalarsOnLine)
        case .literal, .folded:
            // Content starts on the line after the indicator, at the block's indentation.
            let line = start.line + 1 + newlines
            var indent = 0
            if let source {
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                if line - 1 < lines.count {
                    indent = lines[line - 1].prefix { $0 == " " }.count
                }
            }
            return SourceLocation(file: start.file, line: line, column: indent + 1 + scalarsOnLine)
        }
    }
}
