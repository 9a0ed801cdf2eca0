import Foundation
import ZIPFoundation
@testable import WuyouWorkbook

/// A small workbook for tests: sheets of cells by name, with a way to put raw cell XML (an error
/// value, a formula) or a whole part in place before zipping.
struct TestWorkbook {
    var sheets: [(name: String, rows: [[XLSXDocument.Cell?]])]
    /// Raw `<c>` elements replacing the generated ones: (sheet name, reference, XML).
    var rawCells: [(String, String, String)] = []

    /// Two surveys, `good-1` and `bad-1`, each with a room, a department and a development.
    static var standard: TestWorkbook {
        func texts(_ values: [String?]) -> [XLSXDocument.Cell?] {
            values.map { $0.map { .text($0) } }
        }
        return TestWorkbook(sheets: [
            ("调查表", [
                texts(["调查编号", "调查日期", "社区名称", "户数", "位于中心城区", "中心总面积", "用房性质", "一门式大厅", "服务项目"]),
                texts(["good-1", "2024-05-14", "甲社区", "1500", "是", "300", "自有", "是", "低保"]),
                texts(["bad-1", "2024-05-14", "乙社区", "1500", "是", "300", "自有", "是", "低保"]),
            ]),
            ("用房", [
                texts(["调查编号", "门牌名称", "用房类型", "面积"]),
                texts(["good-1", "警务室", nil, "20"]),
                texts(["bad-1", "警务室", nil, "20"]),
            ]),
            ("进驻部门", [
                texts(["调查编号", "部门名称", "设立窗口"]),
                texts(["good-1", "民政局", "是"]),
                texts(["bad-1", "民政局", "是"]),
            ]),
            ("开发项目", [
                texts(["调查编号", "项目名称", "住房面积"]),
                texts(["good-1", "一期", "10000"]),
                texts(["bad-1", "一期", "10000"]),
            ]),
        ])
    }

    /// Sets the cell at `reference` (e.g. `D3`) of `sheet`.
    mutating func set(_ sheet: String, _ reference: String, _ cell: XLSXDocument.Cell?) {
        let (column, row) = CellReference.parse(reference)!
        let index = sheets.firstIndex { $0.name == sheet }!
        while sheets[index].rows.count < row! { sheets[index].rows.append([]) }
        while sheets[index].rows[row! - 1].count < column { sheets[index].rows[row! - 1].append(nil) }
        sheets[index].rows[row! - 1][column - 1] = cell
    }

    mutating func setRaw(_ sheet: String, _ reference: String, _ xml: String) {
        set(sheet, reference, .text("placeholder"))
        rawCells.append((sheet, reference, xml))
    }

    func document() -> XLSXDocument {
        XLSXDocument(sheets: sheets.map { XLSXDocument.Sheet(name: $0.name, rows: $0.rows) })
    }

    func bytes() throws -> [UInt8] {
        var parts = try Self.parts(of: XLSXWriter.bytes(document()))
        for (sheet, reference, xml) in rawCells {
            let index = sheets.firstIndex { $0.name == sheet }! + 1
            let path = "xl/worksheets/sheet\(index).xml"
            var text = String(decoding: parts.first { $0.0 == path }!.1, as: UTF8.self)
            let pattern = #"<c r="\#(reference)"[^>]*>.*?</c>"#
            let range = try require(text.range(of: pattern, options: .regularExpression))
            text.replaceSubrange(range, with: xml)
            parts = parts.map { $0.0 == path ? ($0.0, Array(text.utf8)) : $0 }
        }
        return try Self.zip(parts)
    }

    /// The parts of an `.xlsx` file, in archive order.
    static func parts(of bytes: [UInt8]) throws -> [(String, [UInt8])] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, Array(data))
        }
    }

    /// Zips parts as given (deflated, fixed times).
    static func zip(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: XLSXWriter.fixedDate, compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return Array(archive.data!)
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.coderValueNotFound) }
    return value
}
