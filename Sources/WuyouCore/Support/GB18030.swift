import Foundation

/// The encoding Chinese Windows programs (Notepad's "ANSI", Excel's "CSV") save in.
public enum GB18030 {
    /// Whether `bytes` hold non-ASCII text that decodes as GB18030 (GBK is a subset) without
    /// error: what a file that is not UTF-8 most likely is, here.
    public static func decodes(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return decode(bytes) != nil
    }

    /// `bytes` decoded from GB18030, or nil when they are not GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 4)
        return input.withUnsafeMutableBufferPointer { inputBuffer -> String? in
            output.withUnsafeMutableBufferPointer { outputBuffer -> String? in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return String(decoding: outputBuffer.prefix(outputBuffer.count - outLeft), as: UTF8.self)
            }
        }
    }
}
