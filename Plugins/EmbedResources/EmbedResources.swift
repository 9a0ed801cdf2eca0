import Foundation
import PackagePlugin

/// Generates `EmbeddedFiles.swift` for a target at build time: the files the target's code
/// reads as text (schemas, checklists, templates), each wrapped in a string literal by the
/// `wuyou-embed` tool. Nothing generated is committed, and editing a file rebuilds its copy.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let package = context.package.directoryURL
        let files = try embeddedFiles(of: target.name, package: package)
        guard !files.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files in \(target.name)",
                executable: try context.tool(named: "wuyou-embed").url,
                arguments: [output.path] + files.map { "\($0.name)=\($0.url.path)" },
                inputFiles: files.map(\.url),
                outputFiles: [output]),
        ]
    }

    /// What each target embeds, by the name its code asks for.
    private func embeddedFiles(of target: String, package: URL) throws -> [(name: String, url: URL)] {
        switch target {
        case "WuyouCore":
            let checklists = package.appendingPathComponent("checklists")
            let bundled = try listing(checklists, extensions: ["xml"]).map { ("checklists/\($0.lastPathComponent)", $0) }
            return [
                ("survey.xsd", package.appendingPathComponent("Sources/WuyouCore/Survey/survey.xsd")),
                ("checklist.xsd", checklists.appendingPathComponent("checklist.xsd")),
            ] + bundled
        case "WuyouLedger":
            return [("ledger.xsd", package.appendingPathComponent("Sources/WuyouLedger/ledger.xsd"))]
        case "WuyouReports":
            let templates = package.appendingPathComponent("Sources/WuyouReports/HTML/Templates")
            return try listing(templates, extensions: ["mustache", "css", "js"]).map { ($0.lastPathComponent, $0) }
        case "WuyouWords":
            let catalogue = package.appendingPathComponent("Sources/WuyouWords/Catalogue")
            return try listing(catalogue, extensions: ["words"]).map { ($0.lastPathComponent, $0) }
        case "WuyouForm":
            let templates = package.appendingPathComponent("Sources/WuyouForm/Templates")
            return try listing(templates, extensions: ["mustache", "css", "js"]).map { ($0.lastPathComponent, $0) }
        default:
            return []
        }
    }

    private func listing(_ folder: URL, extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
