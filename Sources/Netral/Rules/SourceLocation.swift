/// A place in a rule file: file, 1-based line and 1-based column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file's path, or the name given to an in-memory source.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode code points.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
