import Foundation
@testable import Netral

/// Small rule files used across the tests, written in the rule language itself.
enum Fixtures {
    static let profile = """
    profile:
      id: test-pilpres
      name: Pilpres Uji
      kind: pilpres
      windows:
        campaign: {from: 2023-11-28, to: 2024-02-10}
        quiet: {from: 2024-02-11, to: 2024-02-13}
      context: [pilpres, capres, paslon]
      candidates:
        - number: 1
          label: Anies – Muhaimin
          names: [Anies Baswedan, Muhaimin Iskandar]
          nicknames: [Anies, Cak Imin]
          acronyms: [AMIN]
          hashtags: ["#AniesMuhaimin"]
          accounts: ["@cakiminow"]
          gestures: [jari_1]
        - number: 2
          label: Prabowo – Gibran
          names: [Prabowo Subianto, Gibran Rakabuming]
          nicknames: [Prabowo, Gibran, Mas Gibran]
          hashtags: ["#PrabowoGibran2024"]
          accounts: ["@gibran_tweet"]
          slogans: [oke gas]
          gestures: [jari_2]
    """

    static let support = """
    rules:
      - id: T.DUKUNG
        title: Dukungan kepada kandidat
        severity: high
        category: dukungan
        basis: [{regulation: PP 94/2021, article: Pasal 5 huruf n, point: angka 1}]
        sanction: hukuman disiplin sedang
        message:
          id: "Mendukung {{candidate}} lewat {{action}}"
          en: "Supports {{candidate}}"
        actions: [post, comment, reply, share]
        patterns:
          ajakan: '\\b(?:coblos|pilih|dukung|menangkan)\\b'
          kandidat: '{{candidate.refs}}'
          nomor: '{{candidate.numbers}}'
          berita: '\\b(?:menurut|dilansir|berita)\\b'
        exceptions:
          sosialisasi: '\\b(?:dilarang|larangan|netralitas)\\b'
          negasi:
            regex: '\\b(?:tidak|bukan)\\b'
            near: ajakan
            within: 1
        condition: ajakan and (kandidat or near(ajakan, nomor, 2))
        confidence:
          base: 0.8
          context:
            - {pattern: berita, adjust: -0.5}
        examples:
          match: ["ayo coblos 02"]
          no_match: ["ASN dilarang dukung paslon"]
    """

    static func load(_ sources: String..., profiles: [String]? = nil) throws -> RuleSet {
        var loader = RuleSetLoader()
        loader.activeProfiles = profiles
        for (i, s) in sources.enumerated() { loader.addSource(s, name: "fixture\(i).yml") }
        return try loader.load()
    }

    static func engine(_ sources: String..., options: EngineOptions = EngineOptions()) throws -> Engine {
        var loader = RuleSetLoader()
        for (i, s) in sources.enumerated() { loader.addSource(s, name: "fixture\(i).yml") }
        return try Engine(ruleSet: loader.load(), options: options)
    }

    /// Loads sources that must fail, returning the diagnostics.
    static func failures(_ sources: String...) -> [Diagnostic] {
        var loader = RuleSetLoader()
        for (i, s) in sources.enumerated() { loader.addSource(s, name: "fixture\(i).yml") }
        do {
            _ = try loader.load()
            return []
        } catch {
            return error.errors
        }
    }
}

/// A seeded random number generator (SplitMix64), so that randomised tests repeat exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
