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

        Example:
          netral measure Tests/NetralTests/Resources/dev-set.jsonl
        """)

    @OptionGroup var ruleOptions: RuleOptions
    @Argument(help: "The labelled posts.") var labelled: String
    @Flag(name: .long, help: "Do not list the posts the rules got wrong.") var noMistakes = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: labelled) else { throw ToolError("cannot read \(labelled)") }
        let posts = try LabelledPost.read(data)
        let engine = try Engine(ruleSet: try RulesCommand.load([], ruleOptions))
        print(QualityReport.measure(engine: engine, labelled: posts).render(showMistakes: !noMistakes), terminator: "")
    }
}
