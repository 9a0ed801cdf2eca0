extension ExactDecimal {
    /// The value of an `xs:decimal`'s text: an optional sign, digits with at most one point
    /// (`300`, `-0.001`, `+12.50`, `5.`, `.5`), XML white space around it; no exponent.
    ///
    /// Nil for anything else, and for more than 38 significant digits (the schema admits 24).
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let value = text.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// ``init(_:)`` of UTF-8 bytes.
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        var significand: UInt128 = 0
        var digits = 0  // significant digits taken into the significand
        var pendingZeros = 0  // zeros after the last non-zero digit, not yet taken
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var negative = false
        var index = 0
        let count = utf8.count
        while index < count, Self.isXMLSpace(utf8[index]) { index += 1 }
        if index < count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
            negative = utf8[index] == UInt8(ascii: "-")
            index += 1
        }
        while index < count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "0") {
                // Leading zeros count for nothing; others wait for a digit after them.
                if significand != 0 { pendingZeros += 1 }
                if sawPoint { fractionDigits += 1 }
                sawDigit = true
            } else if byte > UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let taken = significand == 0 ? 1 : pendingZeros + 1
                guard digits + taken <= Self.maximumDigits else { return nil }
                if pendingZeros > 0 { significand *= Self.powersOfTen[pendingZeros] }
                significand = significand * 10 + UInt128(byte - UInt8(ascii: "0"))
                digits += taken
                pendingZeros = 0
                if sawPoint { fractionDigits += 1 }
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        while index < count, Self.isXMLSpace(utf8[index]) { index += 1 }
        guard sawDigit, index == count else { return nil }
        if significand == 0 {
            self = .zero
        } else {
            self = Self.signed(significand, negative: negative, exponent: pendingZeros - fractionDigits)
        }
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
