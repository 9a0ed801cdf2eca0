/// Exit statuses of docs/spec/cli-and-reports.md.
enum ExitStatus {
    static let passes: Int32 = 0
    static let fails: Int32 = 1
    static let badInput: Int32 = 2
}
