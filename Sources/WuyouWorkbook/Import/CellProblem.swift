import WuyouCore

/// Why a cell cannot be read for its column: a diagnostic code and the values its message quotes.
struct CellProblem: Error, Equatable {
    var code: DiagnosticCode
    var arguments: [String: DiagnosticArgument]

    init(_ code: DiagnosticCode, _ arguments: [String: DiagnosticArgument] = [:]) {
        self.code = code
        self.arguments = arguments
    }
}
