import ArgumentParser
import WuyouReports

struct WuyouCommand: AsyncParsableCommand {
    static let version = WuyouVersion.current

    static let configuration = CommandConfiguration(
        commandName: "wuyou",
        abstract: "Check community service centres against the city's standard and publish gap reports.",
        discussion: """
            Examples:
              wuyou check examples/youyilu.xml
              wuyou check examples/youyilu.xml --format json
              wuyou check examples/youyilu.xml --html report.html --lang en
              wuyou audit examples --out site
              wuyou validate examples/*.xml
              wuyou init --community 友谊路社区 > survey.xml
              wuyou form > 调查表.html
              wuyou import --template 普查.xlsx
              wuyou import 普查.xlsx --out surveys
            """,
        version: version,
        subcommands: [Check.self, Audit.self, Validate.self, Init.self, Form.self, Import.self, ChecklistCommand.self]
    )
}
