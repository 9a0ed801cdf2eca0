import Foundation
import Testing
import WuyouXML

/// libxml2 allocates from pools per thread (CXMLMemory): blocks are recycled by size class,
/// grown by realloc from a pool to malloc, and freed on whichever thread drops a document.
@Suite("libxml2's memory in pools")
struct XMLMemoryTests {
    /// A document whose values need blocks of every size: short names, attribute values and
    /// texts of 1 to 4,000 bytes (libxml2 grows a long text block by block), CDATA and entities.
    static func document(_ seed: Int) -> (bytes: [UInt8], texts: [String]) {
        var texts: [String] = []
        var body = ""
        for index in 0..<40 {
            let length = (seed * 7919 + index * 104_729) % 4_000 + 1
            let text = String(repeating: "面\(index)x", count: length / 5 + 1)
            texts.append(text + "&<" + text.prefix(3))
            body += "<i a=\"\(text.prefix(length % 600))\">\(text)&amp;<![CDATA[<\(text.prefix(3))]]></i>"
        }
        return (Array("<r>\(body)</r>".utf8), texts)
    }

    /// A document handed from the task that parsed it to one other task, never shared.
    final class Handed: @unchecked Sendable {
        var document: ParsedDocument?
        init(_ document: ParsedDocument) { self.document = document }
    }

    @Test("long and short values read back whole, documents made and dropped on many threads")
    func poolsAcrossThreads() async throws {
        let documents = (0..<64).map(Self.document)
        // Parsed in tasks; read, and freed, in others.
        let parsed = try await withThrowingTaskGroup(of: (Int, Handed).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, Handed(try ParsedDocument.parse(bytes: document.bytes, path: "\(index).xml"))) }
            }
            return try await group.reduce(into: [Int: Handed]()) { $0[$1.0] = $1.1 }
        }
        await withTaskGroup(of: Void.self) { group in
            for (index, document) in documents.enumerated() {
                let handed = parsed[index]!
                group.addTask {
                    let root = handed.document!.root
                    #expect(root.children.map(\.text) == document.texts, "document \(index)")
                    #expect(root.children.allSatisfy { ($0.attribute("a") ?? "").count <= 600 })
                    handed.document = nil
                }
            }
        }
    }
}
