/// Repairs text from Meta's (Facebook, Instagram) exports, which escape every
/// byte of UTF-8 as its own `\u00XX` code point: `"\u00f0\u009f\u0091\u008d"`
/// decodes to "ð\u{9f}\u{91}\u{8d}" instead of 👍.
public enum MetaText {
    /// The repaired text: when every scalar is at most U+00FF, the scalars are
    /// read as bytes and decoded as UTF-8; if that fails the text is returned unchanged.
    public static func repair(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }),
              text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) ?? text
    }
}
