// Writes a Swift source that holds files as string literals, so that the wuyou binary carries
// its schemas, checklists and templates and works copied alone into an empty folder.
//
//   wuyou-embed OUTPUT.swift NAME=PATH...
//
// Run by the EmbedResources build-tool plugin at build time; its output is never committed.
import Foundation

/// Top-level code would need a `main` symbol of its own; a type with `@main` builds the same
/// way whatever flags (`-parse-as-library` for fuzzing) the package is built with.
@main
enum EmbedTool {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: wuyou-embed OUTPUT.swift NAME=PATH...\n".utf8))
            exit(64)
        }

        var files: [(name: String, text: String)] = []
        for argument in arguments.dropFirst() {
            guard let equals = argument.firstIndex(of: "=") else {
                FileHandle.standardError.write(Data("wuyou-embed: expected NAME=PATH, got \(argument)\n".utf8))
                exit(64)
            }
            let name = String(argument[..<equals])
            let path = String(argument[argument.index(after: equals)...])
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                FileHandle.standardError.write(Data("wuyou-embed: \(path): cannot read as UTF-8\n".utf8))
                exit(66)
            }
            files.append((name, text))
        }
        files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }


        var source = """
            // Generated at build time by the EmbedResources plugin (Sources/wuyou-embed); never edit or commit.

            enum EmbeddedFiles {
                /// Every embedded file by name, in byte order of the names.
                static let all: [(name: String, text: String)] = [

            """
        for (name, text) in files {
            let hashes = delimiter(for: text)
            // A multi-line literal drops the line break before its closing delimiter, so the file's own
            // bytes, including its final newline, come through unchanged.
            source += "        (\"\(name)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        source += """
                ]

                /// The text of the embedded file `name`, or nil.
                static func text(named name: String) -> String? {
                    all.first { $0.name == name }?.text
                }
            }

            """

        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("wuyou-embed: \(output): \(error.localizedDescription)\n".utf8))
            exit(73)
        }
    }
}

/// A raw-string delimiter longer than any run of `#` in `text`, so no content can end the literal.
func delimiter(for text: String) -> String {
    var longest = 0
    var run = 0
    for character in text.utf8 {
        run = character == UInt8(ascii: "#") ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "#", count: longest + 1)
}
