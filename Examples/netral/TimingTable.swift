import Foundation
import Netral

/// `netral check --time`: where the time went, as a plain-text table for standard error: the
/// phases, then the rules that took longest.
struct TimingTable {
    let text: String

    /// The rules listed at most.
    static let shown = 20

    init(_ timing: EvaluationTiming) {
        let total = max(1, timing.totalNanoseconds)
        func ms(_ ns: UInt64) -> String { String(format: "%.2f ms", Double(ns) / 1e6) }
        func share(_ ns: UInt64) -> String { String(format: "%5.1f %%", Double(ns) * 100 / Double(total)) }
        func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + space : space + s
        }
        var lines = ["netral: where the time went, \(timing.posts) post(s), summed over \(timing.threads) worker thread(s):"]
        for (name, ns) in [("normalising fields", timing.normalizingNanoseconds), ("prefilter (literal pass)", timing.prefilterNanoseconds),
                           ("rules", timing.rulesNanoseconds)] {
            lines.append("  " + pad(name, 26, left: true) + pad(ms(ns), 12) + "  " + share(ns))
        }
        let perPost = String(format: "%.1f", Double(timing.searches) / Double(max(1, timing.posts)))
        lines.append("  " + pad("PCRE2 searches", 26, left: true) + pad("\(timing.searches)", 12) + "  (\(perPost) a post)")
        let checked = timing.rules.filter { $0.checks > 0 }.sorted { ($0.nanoseconds, $1.ruleID) > ($1.nanoseconds, $0.ruleID) }
        if !checked.isEmpty {
            let width = max(4, checked.prefix(TimingTable.shown).map(\.ruleID.count).max() ?? 0)
            lines.append("")
            lines.append("  " + pad("rule", width, left: true) + pad("checked", 10) + pad("flagged", 10) + pad("time", 12) + pad("µs/check", 10)
                         + pad("searches", 10) + pad("share", 9))
            for rule in checked.prefix(TimingTable.shown) {
                let perCheck = String(format: "%.1f", Double(rule.nanoseconds) / 1e3 / Double(rule.checks))
                lines.append("  " + pad(rule.ruleID, width, left: true) + pad("\(rule.checks)", 10) + pad("\(rule.flagged)", 10)
                             + pad(ms(rule.nanoseconds), 12) + pad(perCheck, 10) + pad("\(rule.searches)", 10) + "  " + share(rule.nanoseconds))
            }
        }
        let unchecked = timing.rules.count - checked.count
        var notes: [String] = []
        if checked.count > TimingTable.shown { notes.append("the \(TimingTable.shown) slowest of \(checked.count) rules checked") }
        if unchecked > 0 { notes.append("\(unchecked) rule(s) never checked: no post had their action or literals") }
        if !notes.isEmpty { lines.append("  (" + notes.joined(separator: "; ") + ")") }
        lines.append("  A pattern several rules share runs once per post and counts for the first rule that needed it.")
        lines.append("  A search: a pattern run over one field, or tried where one of its first literals occurs.")
        text = lines.joined(separator: "\n") + "\n"
    }
}
