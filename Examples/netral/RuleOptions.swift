import ArgumentParser
import Foundation
import Netral

/// Options that choose the rules and election profiles, shared by every command.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule pack folder or rule file to add (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Flag(name: .long, help: "Do not load the built-in default rule pack (use only --rules).")
    var noDefaultRules = false

    @Option(name: .long, help: ArgumentHelp("An election profile to apply, by id or as a profile file (repeatable). Default: every loaded profile.", valueName: "id|file"))
    var profile: [String] = []

    /// Loads the rule set these options describe.
    func load(normalizer: Normalizer = Normalizer()) throws -> RuleSet {
        var loader = RuleSetLoader()
        loader.normalizer = normalizer
        if !noDefaultRules { loader.addDefaultPack() }
        for path in rules { loader.addPack(at: URL(fileURLWithPath: path)) }
        var ids: [String] = []
        for p in profile {
            if p.hasSuffix(".yml") || p.hasSuffix(".yaml") || p.hasSuffix(".json") {
                // A profile file: load it alone first to learn which profile ids it defines.
                var probe = RuleSetLoader()
                probe.addFile(at: URL(fileURLWithPath: p))
                ids += try probe.load().profiles.map(\.id)
                loader.addFile(at: URL(fileURLWithPath: p))
            } else {
                ids.append(p)
            }
        }
        if !profile.isEmpty { loader.activeProfiles = ids }
        if noDefaultRules && rules.isEmpty {
            throw ToolError("--no-default-rules needs at least one --rules PATH")
        }
        return try loader.load()
    }
}

/// Prints rule-loading diagnostics to standard error.
func report(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity = .warning) {
    for d in diagnostics where d.severity >= minimum { Terminal.error(d.description + "\n") }
}
