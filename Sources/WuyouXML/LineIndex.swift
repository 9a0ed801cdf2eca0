/// Where each line of a document starts, found in one pass, so that looking up the text of a
/// line for a diagnostic's column costs that line, not the whole file (thousands of errors in
/// one file would otherwise rescan it thousands of times).
struct LineIndex {
    private let bytes: [UInt8]
    /// Offsets of the first byte of each line; `starts[0]` is line 1.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A {
            starts.append(index + 1)
        }
        self.starts = starts
    }

    /// The bytes of 1-based `line`, without its line break; nil past the end.
    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[start..<max(start, end)]
    }
}
