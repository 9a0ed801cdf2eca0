import CLibXML2
import CXMLMemory
import Foundation
import WuyouXML

/// A process of its own for the tests of libxml2's memory (XMLMemoryTests): installing the
/// pools is for a whole process, before libxml2 starts, and a sanitizer's report ends one.
/// Each argument is a step, run in order:
///
///   install         install the pools, print `install: <outcome> installed: <Bool>`
///   parse           parse a document (libxml2 starts)
///   documents       parse documents with values of every block size in tasks, read and drop
///                   them in others; exit 1 when one does not read back whole
///   use-after-free  read a block libxml2 allocated after freeing it (AddressSanitizer's test:
///                   undefined behaviour without it)
///   free-twice      free a block of the pools twice (they stop the process)
@main
enum MemoryProbe {
    static func main() async {
        for step in CommandLine.arguments.dropFirst() {
            switch step {
            case "install":
                let outcome = XMLMemoryPool.install()
                print("install: \(outcome) installed: \(XMLMemoryPool.isInstalled)")
                fflush(nil)  // before a later step's report ends the process
            case "parse":
                _ = parse(Array("<r>probe</r>".utf8))
            case "documents":
                if await !documentsReadBackWhole() { exit(1) }
            case "use-after-free":
                useAfterFree()
            case "free-twice":
                let block = wuyou_xml_pool_malloc(40)
                wuyou_xml_pool_free(block)
                wuyou_xml_pool_free(block)
            default:
                FileHandle.standardError.write(Data("xml-memory-probe: unknown step \(step)\n".utf8))
                exit(64)
            }
        }
    }

    static func parse(_ bytes: [UInt8]) -> ParsedDocument {
        do {
            return try ParsedDocument.parse(bytes: bytes, path: "probe.xml")
        } catch {
            FileHandle.standardError.write(Data("xml-memory-probe: \(error)\n".utf8))
            exit(2)
        }
    }

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

    static func documentsReadBackWhole() async -> Bool {
        let documents = (0..<64).map(document)
        let parsed = await withTaskGroup(of: (Int, Handed).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, Handed(parse(document.bytes))) }
            }
            return await group.reduce(into: [Int: Handed]()) { $0[$1.0] = $1.1 }
        }
        return await withTaskGroup(of: Bool.self) { group in
            for (index, document) in documents.enumerated() {
                let handed = parsed[index]!
                group.addTask {
                    let root = handed.document!.root
                    let whole = root.children.map(\.text) == document.texts
                        && root.children.allSatisfy { ($0.attribute("a") ?? "").count <= 600 }
                    handed.document = nil
                    return whole
                }
            }
            return await group.allSatisfy { $0 }
        }
    }

    /// libxml2 copies an element's text into a block of its own (xmlNodeGetContent), which
    /// is freed the way libxml2 frees, then read.
    static func useAfterFree() {
        _ = parse(Array("<r/>".utf8))  // libxml2 set up as WuyouXML sets it up
        let bytes = Array("<r>freed</r>".utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
                  buffer.withMemoryRebound(to: CChar.self) {
                      xmlReadMemory($0.baseAddress, Int32($0.count), "probe.xml", nil, Int32(XML_PARSE_NONET.rawValue))
                  }
              }),
              let text = xmlNodeGetContent(xmlDocGetRootElement(document))
        else { exit(2) }
        xmlFreeDoc(document)
        wuyou_xmlFree(text)
        print("read after free: \(text.pointee)")
    }
}
