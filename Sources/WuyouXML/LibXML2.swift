import CLibXML2
import CXMLMemory
import Foundation

/// Process-wide libxml2 set-up, done exactly once before any parse or validation.
public enum LibXML2 {
    /// How many times libxml2 asked, on the calling thread, for anything from outside a
    /// document — an external DTD, entity, XInclude or schema; every ask is refused. Tests read
    /// it around a parse (which runs on one thread) to show that a hostile document made no
    /// attempt at all, without timing anything and whatever other threads are parsing.
    public static var externalLoadRequests: Int {
        (Thread.current.threadDictionary[loadRequestsKey] as? Int) ?? 0
    }
    private static let loadRequestsKey = "wuyou.libxml2.external-load-requests"

    /// Swift runs a `static let` initialiser once, thread-safely, which is what libxml2 2.9
    /// needs: its globals must be initialised before a second thread touches them.
    private static let initialised: Void = {
        // From here on libxml2 holds blocks: installing the pools now would be too late.
        wuyou_xml_memory_note_start()
        xmlInitParser()
        xmlSchemaInitTypes()
        // Every load is refused, and counted.
        xmlSetExternalEntityLoader { _, _, _ in
            Thread.current.threadDictionary[LibXML2.loadRequestsKey] = LibXML2.externalLoadRequests + 1
            return nil
        }
    }()

    public static func ensureInitialised() {
        _ = initialised
        // Per thread in libxml2 2.9: a worker thread that never set it would print to stderr.
        wuyou_silenceGenericErrors()
    }

    /// The 1-based line of `node`, exact for elements past line 65535 too
    /// (see `startElementKeepingBigLine` in ParsedDocument.swift).
    static func line(of node: xmlNodePtr) -> Int {
        if node.pointee.type == XML_ELEMENT_NODE, node.pointee.line == 65535, let exact = node.pointee.psvi {
            return Int(bitPattern: exact)
        }
        return Int(xmlGetLineNo(node))
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Copies and frees a string that libxml2 allocated for the caller.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { wuyou_xmlFree(pointer) }
        return String(cString: pointer)
    }
}
