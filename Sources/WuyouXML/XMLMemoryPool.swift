import CXMLMemory

/// libxml2's memory in pools per thread (CXMLMemory): faster than glibc's malloc for the
/// hundreds of small blocks of every parse, installed only by the `wuyou` executable.
///
/// A library never installs it: libxml2's memory functions belong to the whole process, and a
/// host that used libxml2 first (FoundationXML, another library) holds blocks from malloc.
public enum XMLMemoryPool {
    /// What `install()` did, and why not when it did not.
    public enum Installation: Sendable, Equatable {
        /// libxml2 allocates from the pools from now on.
        case installed
        /// `WUYOU_XML_POOL=0` in the environment.
        case switchedOff
        /// Built with AddressSanitizer or ThreadSanitizer, which the pools would blind.
        case compiledOut
        /// libxml2 had already started in this process, or had been given other memory functions.
        case tooLate
    }

    /// Installs the pools, before anything in the process uses libxml2. The environment is
    /// read once, at the first call; later calls tell what the first one did.
    @discardableResult
    public static func install() -> Installation {
        switch wuyou_xml_install_memory() {
        case .installed: .installed
        case .switched_off: .switchedOff
        case .compiled_out: .compiledOut
        case .too_late: .tooLate
        }
    }

    /// Whether libxml2 allocates from the pools now.
    public static var isInstalled: Bool {
        wuyou_xml_memory_is_installed() != 0
    }
}
