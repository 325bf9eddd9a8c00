import ArgumentParser
import Netral

/// The `netral` command: checks social-media posts of civil servants for
/// election-neutrality violations, and tests and lints rule files.
@main
struct NetralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netral",
        abstract: "Check social-media activity of Indonesian civil servants (ASN) for election-neutrality violations.",
        discussion: """
        Netral evaluates posts, comments, shares, likes and follows against declarative rules (YAML/JSON)
        with PCRE2. The default rule pack covers Pemilu 2024 and Pilkada 2024 and is built in.

        Examples:
          netral check posts.jsonl                      check a JSON Lines export with the built-in rules
          netral check --format html -o report.html posts.jsonl
          netral check --profile pilgub-jakarta-2024 --rules my-rules/ posts.jsonl.gz
          netral rules test                             run every rule's own examples
          netral rules lint my-rules/                   warn about likely mistakes in rule files
          netral explain post.json                      why each rule did or did not fire on one post

        Exit status: 0 nothing flagged, 1 something flagged, 2 a usage, rule or I/O error.
        """,
        version: "netral \(Netral.version)",
        subcommands: [CheckCommand.self, RulesCommand.self, ProfilesCommand.self, ExplainCommand.self, MeasureCommand.self],
        defaultSubcommand: nil
    )
}
