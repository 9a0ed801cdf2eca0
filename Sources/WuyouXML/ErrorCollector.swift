import CLibXML2
import Foundation

/// Gathers the errors libxml2 reports through a structured error callback.
///
/// One collector belongs to one parse or validation, so concurrent tasks never share one;
/// libxml2 hands it back to us as the callback's user-data pointer.
final class ErrorCollector {
    let file: String
    /// What every error this collector records is about.
    let reason: XMLDiagnostic.Reason
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// Turns libxml2's column-less schema errors into a real column when it can.
    var columnForError: ((_ line: Int, _ node: xmlNodePtr?) -> Int?)?

    init(file: String, reason: XMLDiagnostic.Reason) {
        self.file = file
        self.reason = reason
    }

    func append(_ diagnostic: XMLDiagnostic) {
        diagnostics.append(diagnostic)
    }

    func record(_ error: xmlErrorPtr) {
        let error = error.pointee
        // Warnings (e.g. an unknown encoding alias that still decodes) do not make a file bad.
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let rawMessage = error.message.map { String(cString: $0) } ?? Self.unnamed(error)
        let message = rawMessage.trimmingCharacters(in: .whitespacesAndNewlines)
        let node = error.node?.assumingMemoryBound(to: xmlNode.self)
        var line = Int(error.line)
        if line >= 65535, let node, node.pointee.type == XML_ELEMENT_NODE {
            line = LibXML2.line(of: node)  // libxml2 guessed it from a neighbour
        }
        var column = Int(error.int2)
        if column <= 0, error.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
            column = columnForError?(line, node) ?? 0
        }
        let element = node.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? LibXML2.string($0.pointee.name) : nil }
        diagnostics.append(XMLDiagnostic(
            reason, file: file, line: max(line, 1), column: max(column, 1), message: message,
            code: Int(error.code), element: element))
    }

    /// libxml2 2.9 raises its XPath limit errors without a message.
    private static func unnamed(_ error: xmlError) -> String {
        let xpathBase = Int32(XML_XPATH_EXPRESSION_OK.rawValue)
        switch error.code - xpathBase {
        case Int32(XPATH_OP_LIMIT_EXCEEDED.rawValue): return "operation limit exceeded: the expression does too much work"
        case Int32(XPATH_RECURSION_LIMIT_EXCEEDED.rawValue): return "recursion limit exceeded: the expression nests too deeply"
        default: return "unknown XML error"
        }
    }

    /// An opaque pointer to pass to libxml2 as user data while `body` runs.
    func withUserData<T>(_ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let pointer = Unmanaged.passUnretained(self).toOpaque()
        return try withExtendedLifetime(self) { try body(pointer) }
    }

    static func from(_ userData: UnsafeMutableRawPointer?) -> ErrorCollector? {
        guard let userData else { return nil }
        return Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    }

    /// The C callback handed to validation and XPath contexts, whose user data is the collector.
    static let structuredHandler: xmlStructuredErrorFunc = { userData, error in
        guard let error else { return }
        ErrorCollector.from(userData)?.record(error)
    }
}
