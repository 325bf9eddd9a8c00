import ArgumentParser
import Foundation
import Netral

/// `netral check`: the main job.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check exported posts for neutrality violations.",
        discussion: """
        Reads posts from each INPUT (a file, an unpacked export folder, or - for
        standard input; .gz files are decompressed) and writes one result per
        record. Input formats are detected from the content, or named:
          jsonl      one JSON object per line: {"id", "action", "text", "target", ...}
          csv        a header row; columns named like post fields, or --map COL=FIELD
          x          an X/Twitter archive: tweets.js, like.js, or the archive folder
          facebook   a Facebook "Download Your Information" JSON export (or folder)
          instagram  an Instagram "Download Your Information" JSON export (or folder)
          tiktok     a TikTok "Download your data" JSON export: videos, comments,
                     likes and shares (TikTok keeps only the link of a liked video)

        A record that cannot be read becomes an error record
        ({"line": N, "error": "..."}) and the run goes on.

        Examples:
          netral check Examples/data/posts.jsonl
          netral check --format summary export/        # an unpacked export folder
          netral check --input-format csv --map isi=text posts.csv
          zcat posts.jsonl.gz | netral check --format jsonl - > results.jsonl
          netral check --format html -o laporan.html posts.jsonl
          netral check --time --rules my-rules/ posts.jsonl > /dev/null

        --time shows which rules take longest: the way to find a slow pattern.

        Findings reviewed and judged not to be violations are set aside by a file of
        suppress: entries (rule, post, author or evidence, and a reason), loaded with
        --rules: they leave the findings and are listed under "suppressed" with their
        reason (see rules/README.md, "Suppressing reviewed findings").
          netral check --rules triage.yml posts.jsonl
        --unused-suppressions lists the entries that covered nothing, to prune.

        Exit status: 0 nothing flagged, 1 something flagged, 2 a usage, rule or
        I/O error (or, with --strict, unreadable records).
        """)

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: ArgumentHelp("Input files or folders; - or nothing reads standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: .long, help: "Output format: jsonl, text, csv, summary or html. Default: text on a terminal, jsonl otherwise.")
    var format: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "Input format: auto, jsonl, csv, x, facebook, instagram or tiktok.")
    var inputFormat: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Map a CSV column to a post field (repeatable), e.g. --map isi=text.", valueName: "column=field"))
    var map: [String] = []

    @Option(name: .long, help: "Report only findings at or above this severity: info, low, medium, high, critical.")
    var minSeverity: String = "info"

    @Option(name: .long, help: "The confidence a finding needs when its rule sets none (0...1).")
    var threshold: Double = 0.5

    @Flag(name: .long, help: "Add the explain trace (why each rule did or did not fire) to JSON results.")
    var explain = false

    @Flag(name: .long, help: "Afterwards, show on standard error where the time went: normalising, the prefilter, and the slowest rules.")
    var time = false

    @Option(name: .long, help: "Worker threads (default: one per core).")
    var threads: Int = 0

    @Option(name: .long, help: "Records longer than this many MiB become error records.")
    var maxRecordMiB: Int = 16

    @Flag(name: .long, help: "Exit with status 2 if any record could not be read.")
    var strict = false

    @Flag(name: .long, help: "Afterwards, list on standard error the suppress: entries that covered no finding in this run.")
    var unusedSuppressions = false

    @Flag(name: [.short, .long], help: "No progress or totals on standard error.")
    var quiet = false

    @Flag(name: .long, help: "No colours in text output.")
    var noColor = false

    func validate() throws {
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format \(format); use jsonl, text, csv, summary or html")
        }
        if InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown --input-format \(inputFormat); use auto, jsonl, csv, x, facebook, instagram or tiktok")
        }
        if Severity(rawValue: minSeverity) == nil {
            throw ValidationError("unknown --min-severity \(minSeverity); use info, low, medium, high or critical")
        }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        for m in map where !m.contains("=") { throw ValidationError("--map takes COLUMN=FIELD, got \(m)") }
    }

    func run() throws {
        let ruleSet: RuleSet
        do { ruleSet = try ruleOptions.load() } catch let error as RuleLoadError {
            report(error.diagnostics)
            Terminal.error("netral: the rules did not load; nothing was checked.\n")
            throw ExitCode(2)
        }
        var options = EngineOptions()
        options.threshold = threshold
        options.minimumSeverity = Severity(rawValue: minSeverity)!
        options.explain = explain
        options.threads = threads
        options.timing = time
        let engine = try Engine(ruleSet: ruleSet, options: options)

        let out = try Terminal.Output(path: output)
        let toTerminal = output == nil && Terminal.isTTY(1)
        let chosen = format.flatMap(ReportFormat.init) ?? (toTerminal ? .text : .jsonl)
        var writer = makeWriter(chosen, out: out, color: toTerminal && !noColor, ruleSet: ruleSet)
        let mapping = Dictionary(map.map { m -> (String, String) in
            let parts = m.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts.count > 1 ? parts[1] : ""))
        }, uniquingKeysWith: { _, b in b })

        var tally = BatchTally()
        var usedSuppressions = Set<SourceLocation>()
        let progress = Progress(enabled: !quiet && Terminal.isTTY(2))
        for input in inputs.isEmpty ? ["-"] : inputs {
            let source = InputSource(path: input, format: InputFormat(rawValue: inputFormat)!, maxRecordBytes: maxRecordMiB << 20, columnMap: mapping)
            let records: AnySequence<InputRecord>
            do { records = try source.records() } catch {
                Terminal.error("netral: \(input): \(error)\n")
                throw ExitCode(2)
            }
            // JSON Lines are formatted on the engine's workers; other formats write on this thread.
            let preformat = chosen == .jsonl
            engine.evaluate(records: records, transform: { _, result in preformat ? ResultJSON.line(for: result, newline: true) : "" }) { record, result, line in
                tally.add(result)
                if case .result(_, let r) = result { for s in r.suppressed { usedSuppressions.insert(s.suppression.location) } }
                if preformat { out.write(line) } else { writer.write(record: record, output: result) }
                progress.update(tally)
            }
        }
        writer.finish()
        out.flush()
        progress.finish()
        if !quiet {
            if tally.malformed > 0 { Terminal.error("netral: \(tally.malformed) record(s) could not be read (see the error records)\n") }
            if tally.ruleErrors > 0 { Terminal.error("netral: \(tally.ruleErrors) rule evaluation(s) failed, e.g. a pattern hit the match limit (see \"errors\" in the results)\n") }
            if chosen != .text && chosen != .summary {
                Terminal.error("netral: \(tally.records) record(s), \(tally.flagged) flagged"
                               + (tally.suppressed > 0 ? ", \(tally.suppressed) finding(s) suppressed" : "") + "\n")
            }
        }
        if let timing = engine.timing { Terminal.error(TimingTable(timing).text) }
        if unusedSuppressions {
            let unused = ruleSet.suppressions.filter { !usedSuppressions.contains($0.location) }
            for s in unused { Terminal.error("\(s.location): warning: suppression covered no finding in this run (\(s.reason))\n") }
            Terminal.error("netral: \(unused.count) of \(ruleSet.suppressions.count) suppression(s) covered no finding\n")
        }
        if strict && tally.malformed > 0 { throw ExitCode(2) }
        if tally.flagged > 0 { throw ExitCode(1) }
    }

    private func makeWriter(_ format: ReportFormat, out: Terminal.Output, color: Bool, ruleSet: RuleSet) -> any ReportWriter {
        let sink: (String) -> Void = { out.write($0) }
        switch format {
        case .jsonl: return JSONLinesReport(sink: sink)
        case .text: return TextReport(color: color, sink: sink)
        case .csv: return CSVReport(sink: sink)
        case .summary: return SummaryReport(sink: sink)
        case .html: return HTMLReport(ruleSet: ruleSet, sink: sink)
        }
    }
}

/// Records per second and flagged so far, on standard error, for long batches on a terminal.
final class Progress {
    private let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ tally: BatchTally) {
        guard enabled, tally.records % 1000 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.5 else { return }
        last = now
        let rate = Double(tally.records) / max(0.001, now.timeIntervalSince(start))
        Terminal.error("\r\(tally.records) records · \(Int(rate))/s · \(tally.flagged) flagged ")
        shown = true
    }

    func finish() {
        if shown { Terminal.error("\n") }
    }
}
