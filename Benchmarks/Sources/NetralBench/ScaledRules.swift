import Foundation
import Netral

/// Rule sets 1×, 10×, 50× the default pack: the default pack plus, per extra "region", an election
/// profile of its own (three synthetic pairs) and 26 rules of its own (calls to vote, praise, attacks,
/// hashtags, attributes, photos) over that region's candidate list — what regional offices adding
/// their own races and rules would load.
enum ScaledRules {
    static let syllables = ["ba", "da", "ga", "ha", "ja", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa", "ya",
                            "bu", "di", "go", "hi", "ju", "ko", "li", "mu", "no", "pi", "ru", "si", "to", "wi", "yo"]

    /// A deterministic, pronounceable name unique to (region, slot).
    static func name(_ region: Int, _ slot: Int) -> String {
        var rng = SplitMix64(state: UInt64(region * 1000 + slot + 7))
        func word(_ n: Int) -> String {
            var w = (0..<n).map { _ in rng.pick(syllables) }.joined()
            w = w.prefix(1).uppercased() + w.dropFirst()
            return w
        }
        return "\(word(2)) \(word(3))"
    }

    static func regionSource(_ r: Int) -> String {
        var yaml = "profile:\n  id: wilayah-\(r)\n  name: Pilkada Wilayah \(r)\n  kind: pilbup\n"
        yaml += "  windows:\n    campaign: {from: 2024-09-25, to: 2024-11-23}\n    quiet: {from: 2024-11-24, to: 2024-11-26}\n"
        yaml += "  context: [pilbup wilayah \(r)]\n  candidates:\n"
        var names: [String] = []
        for c in 1...3 {
            let a = name(r, c * 2), b = name(r, c * 2 + 1)
            names += [a, b]
            yaml += "    - number: \(c)\n      label: \(a) – \(b)\n      names: [\(a), \(b)]\n      hashtags: [\"#\(a.replacingOccurrences(of: " ", with: ""))\(c)\"]\n      gestures: [jari_\(c)]\n"
        }
        yaml += "lists:\n  calon_wilayah_\(r): [\(names.joined(separator: ", "))]\n"
        yaml += "rules:\n"
        let templates: [(String, String, String)] = [
            ("AJAKAN", "'{{ajakan_kuat}}'", "near(a, k, 4)"),
            ("DUKUNGAN", "'{{dukungan_pribadi}}'", "near(a, k, 4)"),
            ("PUJIAN", "'{{pujian}}'", "near(a, k, 5)"),
            ("SERANGAN", "'{{serangan}}|{{hinaan}}'", "near(a, k, 3)"),
            ("ATRIBUT", "'\\b(?:kaos|rompi|topi|stiker|baliho|spanduk)\\b'", "near(a, k, 3)"),
            ("FOTO", "'\\b(?:foto|selfie|bareng|bersama)\\b'", "near(a, k, 3)"),
        ]
        for i in 0..<26 {
            let (kind, regex, condition) = templates[i % templates.count]
            yaml += """
              - id: WILAYAH\(r).\(kind).\(i)
                title: \(kind) wilayah \(r)
                severity: medium
                category: wilayah-\(kind.lowercased())
                basis: [PP 94/2021 Pasal 5 huruf n]
                patterns:
                  a: \(regex)
                  k: '{{calon_wilayah_\(r)}}'
                  berita: '{{berita}}'
                exceptions:
                  sosialisasi: '{{sosialisasi_netralitas}}'
                condition: \(condition)
                confidence: {base: 0.7, context: [{pattern: berita, adjust: -0.3}]}
                examples:
                  match: ["ayo coblos \(names[0]) sekarang"]
                  no_match: ["selamat pagi"]

            """
        }
        return yaml
    }

    /// The default pack plus `regions` synthetic regions.
    static func ruleSet(factor: Int) throws -> RuleSet {
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        for r in 0..<max(0, factor - 1) { loader.addSource(regionSource(r), name: "wilayah-\(r).yml") }
        return try loader.load()
    }
}
