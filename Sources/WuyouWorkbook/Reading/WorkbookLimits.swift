import WuyouCore
import WuyouXML

/// How much of an untrusted workbook wuyou is willing to read.
///
/// A workbook is a zip of XML parts, so a small file can claim — or inflate to — far more than it
/// holds. The file itself is bounded like a survey (``InputFile/defaultByteLimit``); what it
/// inflates to is bounded while inflating, part by part and in total, never only by the sizes the
/// archive declares. Only the parts an import needs are ever inflated.
public struct WorkbookLimits: Sendable, Hashable {
    /// The `.xlsx` or `.csv` file, as read from disk.
    public var fileBytes: Int
    /// Entries in the zip's central directory (Excel writes about a dozen; LibreOffice a few more).
    public var entries: Int
    /// One inflated part (a sheet, the shared strings), which libxml2 then parses into a tree.
    public var partBytes: Int
    /// All inflated parts of one workbook together.
    public var totalBytes: Int
    /// Elements and attributes of one part, checked before libxml2 parses it: a cell is two
    /// elements, so a sheet of 10,000 surveys of 35 columns is 700,000.
    public var xml: XMLLimits

    public init(fileBytes: Int = InputFile.defaultByteLimit, entries: Int = 1000,
                partBytes: Int = 32 << 20, totalBytes: Int = 96 << 20,
                xml: XMLLimits = XMLLimits(elements: 1_000_000, attributesPerElement: 64)) {
        self.fileBytes = fileBytes
        self.entries = entries
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.xml = xml
    }

    public static let standard = WorkbookLimits()
}
