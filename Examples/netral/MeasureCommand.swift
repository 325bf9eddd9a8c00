import ArgumentParser
import Foundation
import Netral

/// `netral measure`: precision and recall of the rules on labelled posts.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure precision, recall and F1 of the rules on labelled posts, against a keyword search.",
        discussion: """
        LABELLED is JSON Lines in the canonical post format plus "expect": the categories a post should be
        flagged under, [] for a clean post (or true/false). Prints overall and per-category scores, the same
        for a plain keyword search (candidate names plus campaign words), and each post the rules got wrong.

        Examples:
          netral measure Tests/NetralTests/Resources/dev-set.jsonl
          netral measure --labels Tests/Quality/real-posts-2024.labels.tsv ../shared/corpus/real-posts-2024.jsonl
        """)

    @OptionGroup var ruleOptions: RuleOptions
    @Argument(help: "The labelled posts.") var labelled: String
    @Option(name: .long, help: ArgumentHelp("Take the verdicts from this table (id<TAB>V|N) instead of \"expect\" in the posts.", valueName: "tsv"))
    var labels: String?
    @Option(name: .long, help: "With --labels: measure only the posts of this split (third column of the table).")
    var split: String?
    @Flag(name: .long, help: "Do not list the posts the rules got wrong.") var noMistakes = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: labelled) else { throw ToolError("cannot read \(labelled)") }
        let posts: [LabelledPost]
        if let labels {
            posts = try LabelledPost.read(posts: data, labels: try String(contentsOfFile: labels, encoding: .utf8), split: split)
        } else {
            posts = try LabelledPost.read(data)
        }
        let engine = try Engine(ruleSet: try RulesCommand.load([], ruleOptions))
        print(QualityReport.measure(engine: engine, labelled: posts).render(showMistakes: !noMistakes), terminator: "")
    }
}
