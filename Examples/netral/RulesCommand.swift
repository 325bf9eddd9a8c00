import ArgumentParser
import Foundation
import Netral

/// `netral rules`: test, lint and list rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Test, lint and list rules.",
        subcommands: [Test.self, Lint.self, List.self])

    /// Loads the default pack plus PATHs (or only PATHs with --no-default-rules).
    static func load(_ paths: [String], _ options: RuleOptions) throws -> RuleSet {
        var o = options
        o.rules += paths
        do { return try o.load() } catch let error as RuleLoadError {
            report(error.diagnostics)
            Terminal.error("netral: \(error.errors.count) error(s); the rules did not load.\n")
            throw ExitCode(2)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's own examples through the engine.",
            discussion: """
            Each rule's examples.match posts must be flagged by that rule and its examples.no_match posts must not.
            A failure shows the example's location, what was expected, and the rule's trace: which patterns
            matched, which exceptions applied, the confidence.

            Examples:
              netral rules test                      the built-in pack
              netral rules test --no-default-rules --rules my-rules/
            """)

        @OptionGroup var ruleOptions: RuleOptions
        @Argument(help: "Extra rule packs or files to load and test.") var paths: [String] = []
        @Flag(name: .shortAndLong, help: "List every rule with its example count.") var verbose = false

        func run() throws {
            let set = try RulesCommand.load(paths, ruleOptions)
            var options = EngineOptions()
            options.explain = true
            let report = RuleTester(engine: try Engine(ruleSet: set, options: options)).run()
            for f in report.failures { print("FAIL " + f.description) }
            if verbose {
                for r in report.perRule { print("\(r.failures == 0 ? "ok  " : "FAIL") \(r.rule) (\(r.examples) examples)") }
            }
            print("\(report.passed) passed, \(report.failures.count) failed")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule files for errors and likely mistakes.",
            discussion: """
            Reports every error (file:line:column, code, fix hint) and warnings such as patterns that can
            backtrack catastrophically (NR301), unused lists (NR302), rules without examples (NR303) or with
            one-sided examples (NR304), unused patterns (NR305), and patterns the prefilter cannot skip.

            Examples:
              netral rules lint my-rules/
              netral rules lint --strict --no-default-rules --rules my-rules/
            """)

        @OptionGroup var ruleOptions: RuleOptions
        @Argument(help: "Rule packs or files to lint (the default pack too unless --no-default-rules).") var paths: [String] = []
        @Flag(name: .long, help: "Exit with status 1 on warnings too.") var strict = false
        @Flag(name: .long, help: "Also show notes, such as patterns the prefilter must always run.") var notes = false

        func run() throws {
            let set = try RulesCommand.load(paths, ruleOptions)
            var diagnostics = set.diagnostics
            if notes {
                let engine = try Engine(ruleSet: set)
                for pattern in engine.planSummary.unfilterable {
                    diagnostics.append(Diagnostic(.info, "NR307", "pattern \(pattern) has no literal the prefilter can look for; it runs on every post",
                                                  hint: "start it with a word, or reference a list of literal entries"))
                }
            }
            report(diagnostics, minimum: notes ? .info : .warning)
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(set.rules.count) rules, \(set.profiles.count) profiles: 0 errors, \(warnings) warning(s)")
            if strict && warnings > 0 { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rules: id, severity, category, legal basis.")

        @OptionGroup var ruleOptions: RuleOptions
        @Argument(help: "Extra rule packs or files.") var paths: [String] = []
        @Flag(name: .long, help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let set = try RulesCommand.load(paths, ruleOptions)
            if json {
                let rows: [[String: Any]] = set.rules.map {
                    ["id": $0.id, "title": $0.title, "severity": $0.severity.rawValue, "category": $0.category,
                     "basis": $0.basis.map(\.citation), "actions": $0.actions.map(\.rawValue).sorted(), "pack": $0.pack ?? ""]
                }
                for row in rows { print(ResultJSON.line(row)) }
                return
            }
            let width = set.rules.map(\.id.count).max() ?? 10
            for rule in set.rules {
                print(rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                      + rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                      + rule.category.padding(toLength: 20, withPad: " ", startingAt: 0) + "  "
                      + (rule.basis.first?.citation ?? ""))
            }
            print("\(set.rules.count) rules")
        }
    }
}

/// `netral profiles list`.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List election profiles.",
        subcommands: [List.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the loaded election profiles with their candidates and windows.")
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let set = try RulesCommand.load([], ruleOptions)
            for p in set.profiles {
                print("\(p.id)  \(p.name)  (\(p.kind)\(p.jurisdiction.map { ", \($0)" } ?? ""))")
                for (name, window) in p.windows.sorted(by: { $0.value.start < $1.value.start }) {
                    print("    \(name): \(BatchSummary.day(window.start)) – \(BatchSummary.day(window.end))")
                }
                for c in p.candidates { print("    \(c.number < 10 ? "0" : "")\(c.number)  \(c.label)") }
            }
        }
    }
}

/// `netral explain`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why each rule did or did not fire on one post.",
        discussion: """
        Reads one post in the canonical JSON format from a file or - (standard input) and prints, per rule,
        the outcome (skipped by action or prefilter, condition false, cancelled by an exception, below
        threshold, flagged), the patterns that matched, the exceptions that applied and the confidence arithmetic.

        Example:
          echo '{"id":"1","text":"ASN dilarang like postingan capres"}' | netral explain -
        """)

    @OptionGroup var ruleOptions: RuleOptions
    @Argument(help: "A file holding one post as JSON, or - for standard input.") var post: String
    @Flag(name: .long, help: "Show every rule, also those skipped by action or prefilter.") var all = false
    @Flag(name: .long, help: "Print the trace as JSON.") var json = false

    func run() throws {
        let data: Data
        if post == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
            guard let d = FileManager.default.contents(atPath: post) else { throw ToolError("cannot read \(post)") }
            data = d
        }
        let parsed: Post
        do { parsed = try Post(json: data) } catch {
            throw ToolError("\(post): \(error.message)")
        }
        var options = EngineOptions()
        options.explain = true
        let engine = try Engine(ruleSet: try RulesCommand.load([], ruleOptions), options: options)
        let result = engine.evaluate(parsed)
        if json {
            print(ResultJSON.line(ResultJSON.object(for: result)))
            return
        }
        let setAside = result.suppressed.isEmpty ? "" : " (\(result.suppressed.count) finding(s) suppressed)"
        print("post \(result.id): \(result.flagged ? "FLAGGED" : "not flagged")\(setAside)")
        for trace in result.explanation ?? [] {
            if !all && (trace.outcome == .skippedAction || trace.outcome == .skippedPrefilter) { continue }
            print("\n\(trace.ruleID): \(trace.outcome.rawValue)")
            if !trace.note.isEmpty { print("  \(trace.note)") }
            for (name, texts) in trace.matches.sorted(by: { $0.key < $1.key }) { print("  matched \(name): \(texts.map { "\"\($0)\"" }.joined(separator: ", "))") }
            for e in trace.exceptions { print("  exception: \(e)") }
            if !trace.confidenceSteps.isEmpty { print("  confidence: \(trace.confidenceSteps.joined(separator: " "))") }
        }
        let skipped = (result.explanation ?? []).filter { $0.outcome == .skippedPrefilter || $0.outcome == .skippedAction }.count
        if !all && skipped > 0 { print("\n(\(skipped) rule(s) skipped by action or prefilter; --all shows them)") }
        if result.flagged { throw ExitCode(1) }
    }
}

extension ToolError: LocalizedError {
    var errorDescription: String? { description }
}
