import Foundation
import PackagePlugin

/// Embeds the default rule pack (the package's rules/ folder) into the Netral
/// library as generated Swift source, so the library needs no files at run time.
@main
struct EmbedRulePack: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulePack.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yml", "yaml", "json", "md"].contains(url.pathExtension.lowercased()) {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default rule pack",
                executable: try context.tool(named: "EmbedRules").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
