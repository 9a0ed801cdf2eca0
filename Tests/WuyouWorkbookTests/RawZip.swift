import Foundation
import ZIPFoundation

/// Builds zip files byte by byte, so tests can lie in them: sizes and checksums that do not
/// match the data, entries cut short, more entries than a workbook has.
struct RawZip {
    struct Entry {
        var name: String
        var data: [UInt8]
        var deflate = true
        /// Overrides of what the headers declare.
        var declaredSize: UInt32?
        var declaredCRC: UInt32?
        /// Keep only this many bytes of the compressed data (declaring that as its size).
        var truncateTo: Int?
        /// Compressed bytes to store instead of deflating `data`.
        var rawDeflate: [UInt8]?
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Array(text.utf8), deflate: deflate))
    }

    static func deflated(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        let data = Data(bytes)
        _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
        }, consumer: { output += $0 })
        return output
    }

    func bytes() throws -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            var stored = try entry.rawDeflate ?? (entry.deflate ? Self.deflated(entry.data) : entry.data)
            if let count = entry.truncateTo { stored = Array(stored.prefix(count)) }
            let crc = entry.declaredCRC ?? Data(entry.data).crc32(checksum: 0)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let name = Array(entry.name.utf8)
            let offset = UInt32(output.count)
            let method: UInt16 = entry.deflate ? 8 : 0
            output += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
                + le32(crc) + le32(UInt32(stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + stored
            directory += le32(0x0201_4b50) + le16(0x031E) + le16(20) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
                + le32(crc) + le32(UInt32(stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
                + le16(0) + le16(0) + le32(0o100644 << 16) + le32(offset) + name
        }
        let start = UInt32(output.count)
        output += directory
        output += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(directory.count)) + le32(start) + le16(0)
        return output
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

    /// A minimal valid workbook: one 调查表 sheet holding `sheetData`, inline strings only.
    static func workbook(sheet: String = minimalSheet, extraRelationships: String = "") -> RawZip {
        var zip = RawZip()
        zip.add("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        zip.add("_rels/.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        zip.add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="调查表" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            \(extraRelationships)</Relationships>
            """)
        zip.add("xl/worksheets/sheet1.xml", sheet)
        return zip
    }

    static let minimalSheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c>\
        <c r="C1" t="inlineStr"><is><t>community</t></is></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>x-1</t></is></c><c r="B2" t="inlineStr"><is><t>2024-05-14</t></is></c>\
        <c r="C2" t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve">社区 </t></r><rPh><t>ジャ</t></rPh></is></c></row>\
        </sheetData></worksheet>
        """

    /// The index of the entry called `name`.
    func index(of name: String) -> Int {
        entries.firstIndex { $0.name == name }!
    }
}
