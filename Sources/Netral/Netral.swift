import PCRE2

/// Netral: screens social-media activity of Indonesian civil servants (ASN)
/// for election-neutrality violations with declarative rules and PCRE2.
public enum Netral {
    /// The library's version.
    public static let version = "0.1.0"

    /// The version of the PCRE2 library Netral runs on.
    public static var pcre2Version: String { PCRE2Library.version }
}
