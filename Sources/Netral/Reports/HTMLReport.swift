import Foundation

/// `--format html`: one self-contained page an analyst can open and send: totals,
/// bar charts of findings per rule and flagged posts per day (with the profiles'
/// campaign periods shaded), and every flagged post with its evidence highlighted,
/// legal basis and sanction; then the findings set aside by suppression entries, each with its reason,
/// for whoever audits the review. No scripts, no external files.
public struct HTMLReport: ReportWriter {
    private let sink: (String) -> Void
    private let ruleSet: RuleSet
    private var summary = BatchSummary()
    private var flagged: [(line: Int, post: Post, result: PostResult)] = []
    private var errors: [RecordError] = []
    private var setAside: [(line: Int, id: String, suppressed: SuppressedFinding)] = []
    /// At most this many flagged posts are listed in full; all are counted.
    public var maxListed = 5_000

    /// A writer for results of `ruleSet`.
    public init(ruleSet: RuleSet, sink: @escaping (String) -> Void) {
        self.ruleSet = ruleSet
        self.sink = sink
    }

    /// Counts the record and keeps it when flagged.
    public mutating func write(record: InputRecord, output: BatchOutput) {
        summary.add(record: record, output: output)
        switch output {
        case .result(let line, let result):
            if result.flagged, flagged.count < maxListed, case .success(let post) = record.post { flagged.append((line, post, result)) }
            for s in result.suppressed where setAside.count < maxListed { setAside.append((line, result.id, s)) }
        case .error(let e):
            if errors.count < 1_000 { errors.append(e) }
        }
    }

    /// Writes the page.
    public mutating func finish() {
        let t = summary.tally
        var html = """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Laporan Netral — netralitas ASN</title>
        <style>
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2430;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
        .totals{display:flex;gap:1rem;flex-wrap:wrap}.totals div{background:#f3f6f9;border-radius:8px;padding:.7rem 1.1rem;min-width:9rem}
        .totals b{display:block;font-size:1.6rem}.post{border:1px solid #dde3ea;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
        .meta{color:#5b6675;font-size:.85rem}.quote{background:#fafbfc;border-left:3px solid #c8d1dc;padding:.4rem .7rem;margin:.5rem 0;white-space:pre-wrap}
        mark{background:#ffd8d8;color:#8a0000;padding:0 .1rem;border-radius:3px}.f{margin:.5rem 0 .2rem}
        .sev{display:inline-block;border-radius:4px;padding:0 .45rem;color:#fff;font-size:.8rem;text-transform:uppercase}
        .critical{background:#8a0000}.high{background:#c62828}.medium{background:#e08a00}.low{background:#2b7a9b}.info{background:#6b7785}
        .basis{color:#3d4a5a;font-size:.88rem} table{border-collapse:collapse}td,th{padding:.2rem .8rem;text-align:left;border-bottom:1px solid #eef1f4}
        svg text{font:12px system-ui,sans-serif;fill:#1d2430}
        </style></head><body>
        <h1>Laporan pemeriksaan netralitas ASN</h1>
        <div class="meta">Dibuat oleh Netral \(Netral.version) · paket aturan: \(escape(ruleSet.packs.map { "\($0.name) \($0.version)" }.joined(separator: ", "))) · profil: \(escape(ruleSet.profiles.map(\.name).joined(separator: ", ")))</div>
        <h2>Ringkasan</h2>
        <div class="totals"><div><b>\(t.records)</b>rekaman diperiksa</div><div><b>\(t.flagged)</b>ditandai</div><div><b>\(summary.perRule.values.reduce(0, +))</b>temuan</div><div><b>\(t.malformed)</b>tidak terbaca</div>\(t.suppressed > 0 ? "<div><b>\(t.suppressed)</b>temuan dikecualikan</div>" : "")</div>
        """
        let rules = summary.perRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        html += "<h2>Temuan per aturan</h2>" + barChart(rules.map { ($0.key, $0.value) }, id: "chart-rules")
        html += "<h2>Unggahan ditandai per hari</h2>" + dayChart()
        let severities = Severity.allCases.reversed().compactMap { s in summary.perSeverity[s].map { (s.rawValue, $0) } }
        if !severities.isEmpty {
            html += "<h2>Per tingkat keparahan</h2><table>" + severities.map { "<tr><td><span class=\"sev \($0.0)\">\($0.0)</span></td><td>\($0.1)</td></tr>" }.joined() + "</table>"
        }
        html += "<h2>Unggahan yang ditandai</h2>"
        if flagged.isEmpty { html += "<p>Tidak ada unggahan yang ditandai.</p>" }
        for (line, post, result) in flagged { html += card(line: line, post: post, result: result) }
        if t.flagged > flagged.count { html += "<p>… dan \(t.flagged - flagged.count) unggahan lain (lihat keluaran jsonl).</p>" }
        if !setAside.isEmpty {
            html += "<h2>Temuan yang dikecualikan</h2><p>Ditinjau dan dinilai bukan pelanggaran (entri <code>suppress:</code>).</p><table id=\"suppressed\">"
                + "<tr><th>baris</th><th>id</th><th>aturan</th><th>alasan</th><th>entri</th></tr>"
                + setAside.map { item in
                    let s = item.suppressed
                    return "<tr><td>\(item.line)</td><td>\(escape(item.id))</td><td>\(escape(s.finding.ruleID))</td><td>\(escape(s.suppression.reason))</td>"
                        + "<td>\(escape(s.suppression.location.description))</td></tr>"
                }.joined() + "</table>"
            if t.suppressed > setAside.count { html += "<p>… dan \(t.suppressed - setAside.count) temuan lain (lihat keluaran jsonl).</p>" }
        }
        if !errors.isEmpty {
            html += "<h2>Rekaman tidak terbaca</h2><table>" + errors.map { "<tr><td>baris \($0.line)</td><td>\(escape($0.message))</td></tr>" }.joined() + "</table>"
        }
        html += "</body></html>\n"
        sink(html)
    }

    private func card(line: Int, post: Post, result: PostResult) -> String {
        var html = "<div class=\"post\"><div class=\"meta\">baris \(line) · id \(escape(post.id)) · \(post.platform.rawValue) · \(post.action.rawValue)"
        if let a = post.author { html += " · \(escape(a))" }
        if let d = post.createdAt { html += " · \(RFC3339.format(d))" }
        html += "</div>"
        for value in Field.allCases.flatMap({ post.values(of: $0) }) {
            let spans = result.findings.flatMap(\.evidence).filter { $0.field == value.path }.map { $0.start..<$0.end }
            guard !spans.isEmpty else { continue }
            html += "<div class=\"quote\"><span class=\"meta\">\(escape(value.path))</span>\n\(highlight(value.text, spans))</div>"
        }
        for f in result.findings {
            html += "<div class=\"f\"><span class=\"sev \(f.severity.rawValue)\">\(f.severity.rawValue)</span> <b>\(escape(f.ruleID))</b> — \(escape(f.title)) <span class=\"meta\">(keyakinan \(String(format: "%.2f", f.confidence)))</span></div>"
            html += "<div>\(escape(f.message.id))</div>"
            if !f.basis.isEmpty { html += "<div class=\"basis\">Dasar: \(escape(f.basis.map(\.citation).joined(separator: "; ")))</div>" }
            if let s = f.sanction { html += "<div class=\"basis\">Sanksi: \(escape(s))</div>" }
        }
        return html + "</div>\n"
    }

    /// Horizontal bars, one per row.
    private func barChart(_ rows: [(String, Int)], id: String) -> String {
        guard let top = rows.map(\.1).max(), top > 0 else { return "<p>Tidak ada temuan.</p>" }
        let rowHeight = 22, labelWidth = 330, barWidth = 520
        var svg = "<svg id=\"\(id)\" role=\"img\" aria-label=\"Temuan per aturan\" width=\"\(labelWidth + barWidth + 60)\" height=\(rowHeight * rows.count + 10)>"
        for (i, (name, count)) in rows.enumerated() {
            let y = i * rowHeight + 4
            let w = max(2, barWidth * count / top)
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(name))</text><rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"#c62828\"><title>\(escape(name)): \(count)</title></rect><text x=\"\(labelWidth + w + 6)\" y=\"\(y + 14)\">\(count)</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical bars per day from the first to the last flagged day, campaign periods shaded.
    private func dayChart() -> String {
        let days = summary.perDay.keys.sorted()
        guard let first = days.first.flatMap({ RFC3339.parse($0) }), let last = days.last.flatMap({ RFC3339.parse($0) }) else {
            return "<p>Tidak ada unggahan bertanggal yang ditandai.</p>"
        }
        let count = Int(last.timeIntervalSince(first) / 86_400) + 1
        let top = max(1, summary.perDay.values.max() ?? 1)
        let width = 900, height = 200, barWidth = max(1.0, Double(width) / Double(count))
        var svg = "<svg id=\"chart-days\" role=\"img\" aria-label=\"Unggahan ditandai per hari\" width=\"\(width + 40)\" height=\"\(height + 40)\">"
        for profile in ruleSet.profiles {
            guard let campaign = profile.windows["campaign"] else { continue }
            let startDay = BatchSummary.day(campaign.start), endDay = BatchSummary.day(campaign.end)
            guard let s = RFC3339.parse(startDay), let e = RFC3339.parse(endDay), e >= first, s <= last else { continue }
            let x0 = max(0, s.timeIntervalSince(first) / 86_400) * barWidth
            let x1 = min(Double(count), e.timeIntervalSince(first) / 86_400 + 1) * barWidth
            svg += "<rect class=\"campaign\" x=\"\(Int(x0))\" y=\"0\" width=\"\(Int(max(1, x1 - x0)))\" height=\"\(height)\" fill=\"#e8f0fb\"><title>Masa kampanye \(escape(profile.name))</title></rect>"
        }
        for i in 0..<count {
            let day = BatchSummary.day(first.addingTimeInterval(Double(i) * 86_400 + 3600))
            guard let n = summary.perDay[day] else { continue }
            let h = max(2, height * n / top)
            svg += "<rect class=\"bar\" x=\"\(Int(Double(i) * barWidth))\" y=\"\(height - h)\" width=\"\(max(1, Int(barWidth) - 1))\" height=\"\(h)\" fill=\"#c62828\"><title>\(day): \(n)</title></rect>"
        }
        svg += "<text x=\"0\" y=\"\(height + 16)\">\(days.first!)</text><text x=\"\(width - 70)\" y=\"\(height + 16)\">\(days.last!)</text>"
        svg += "<text x=\"\(width / 2 - 100)\" y=\"\(height + 34)\">biru muda: masa kampanye</text></svg>"
        return svg
    }

    private func highlight(_ text: String, _ ranges: [Range<Int>]) -> String {
        highlightSegments(text, ranges).map { $0.highlighted ? "<mark>" + escape($0.text) + "</mark>" : escape($0.text) }.joined()
    }

    private func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
