import PCRE2

/// An engine could not be built from a rule set. Rule sets that came from
/// ``RuleSetLoader`` were already compiled once, so this is rare: it means
/// the engine's options (such as its normaliser) disagree with the loader's.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    static func wrap<T>(_ context: String, _ body: () throws(PCRE2Error) -> T) throws(EngineError) -> T {
        do { return try body() } catch { throw EngineError(message: "\(context): \(error)") }
    }
}
