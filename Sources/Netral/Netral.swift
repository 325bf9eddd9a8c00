/// Netral: screens social-media activity of Indonesian civil servants (ASN)
/// for election-neutrality violations with declarative rules and PCRE2.
public enum Netral {
    /// The library's version.
    public static let version = "0.1.0"
}
