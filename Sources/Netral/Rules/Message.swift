/// A finding's explanation, in Indonesian and optionally English.
///
/// A template: `{{candidate}}`, `{{match}}`, `{{pattern.NAME}}`, `{{action}}`,
/// `{{author}}`, `{{field}}` and `{{profile}}` are filled in from the finding.
public struct Message: Sendable, Hashable {
    /// The Indonesian text.
    public var id: String
    /// The English text, when given.
    public var en: String?

    /// Creates a message.
    public init(id: String, en: String? = nil) {
        self.id = id
        self.en = en
    }

    /// The placeholders a template may use (besides `pattern.NAME`).
    public static let placeholders: Set<String> = ["candidate", "number", "match", "action", "author", "field", "profile", "rule", "title"]
}
