import CoreFoundation
import Foundation

/// The text of a CSV file: UTF-8 (a byte-order mark is dropped), or else GB18030, which is what
/// Excel and WPS on Chinese Windows save as "CSV" (a superset of GBK and GB2312).
///
/// UTF-8 is tried first because it is strict: Chinese text in GB18030 is almost never valid
/// UTF-8, while any byte string at all could pass for GB18030's looser two-byte ranges.
enum CSVText {
    static let gb18030 = String.Encoding(
        rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The decoded text, or nil when the bytes are neither UTF-8 nor GB18030.
    static func decode(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        return String(data: Data(bytes), encoding: gb18030)
    }
}
