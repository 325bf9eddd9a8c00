/// A legal provision a rule enforces, such as PP 94/2021 Pasal 5 huruf n angka 1.
public struct LegalReference: Sendable, Hashable {
    /// The instrument: "PP 94/2021", "UU 7/2017", "SKB 2022 (MenPANRB 2/2022 ...)".
    public var regulation: String
    /// The article, such as "Pasal 5 huruf n".
    public var article: String?
    /// The point inside it, such as "angka 1".
    public var point: String?
    /// False when the research behind the reference could not confirm it; such
    /// references are shown marked as unverified.
    public var verified: Bool
    /// A link to the text.
    public var url: String?

    /// Creates a reference.
    public init(regulation: String, article: String? = nil, point: String? = nil, verified: Bool = true, url: String? = nil) {
        self.regulation = regulation
        self.article = article
        self.point = point
        self.verified = verified
        self.url = url
    }

    /// "PP 94/2021 Pasal 5 huruf n angka 1", with "(belum terverifikasi)" when unverified.
    public var citation: String {
        var text = regulation
        if let article { text += " \(article)" }
        if let point { text += " \(point)" }
        if !verified { text += " (belum terverifikasi)" }
        return text
    }
}
