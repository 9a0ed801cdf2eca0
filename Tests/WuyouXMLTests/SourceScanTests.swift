import Testing
@testable import WuyouXML

@Suite("Counting elements and attributes before parsing")
struct SourceScanTests {
    /// Pieces that together make every case the scan tells apart: tags with quoted `=` and `>`,
    /// comments, CDATA, processing instructions, declarations, closing tags, near-terminators
    /// (`--->`, `]]]>`), a `<` at the end, and NUL bytes.
    static let pieces: [[UInt8]] = [
        "<a>", "<b x=\"1\" y='2'>", "<c q=\"a>b=c\"/>", "</a>", "<!-- <d e=1> -->", "<!--->", "--->", "<![CDATA[<e f=1>]]]>",
        "]]>", "<?pi <g h=1> ?>", "<!DOCTYPE x>", "text", "=", "\"", "'", ">", "<", "\0", "<\0i j=1>", "<k l=1 m=2 n=3>",
    ].map { Array($0.utf8) }

    @Test("the quick count agrees with the full scan on every mix of pieces", arguments: 0..<8)
    func quickAgreesWithScan(_ seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += Self.pieces.randomElement(using: &generator)!
            }
            let limits = XMLLimits(elements: Int.random(in: 0...4, using: &generator), attributesPerElement: Int.random(in: 0...2, using: &generator))
            #expect(SourceScan.check(bytes, against: limits) == SourceScan.scan(bytes, against: limits),
                    "\(String(decoding: bytes, as: UTF8.self)) \(limits)")
        }
    }
}

/// A small seeded generator, so that a failure can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
