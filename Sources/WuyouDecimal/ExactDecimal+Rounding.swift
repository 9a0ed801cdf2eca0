extension ExactDecimal {
    /// This value with at most `places` digits after the point (a negative `places` rounds to
    /// tens, hundreds…); a value with no more places is returned as it is.
    ///
    /// - Parameters:
    ///   - places: Digits to keep after the point.
    ///   - rule: How to round; by default half away from zero (0.00005 → 0.0001), as reports do.
    public func rounded(places: Int, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> ExactDecimal {
        guard exponent < -places, significand != 0 else { return self }
        let drop = -places - exponent
        let magnitude = significand.magnitude
        let negative = significand < 0
        let kept: UInt128
        let exact: Bool
        let half: Int  // how what is dropped compares with half a unit: -1, 0 or 1
        if drop > 38 {
            // 10^39 and more is above any significand: nothing is kept, and what is dropped is
            // short of a tenth of a unit.
            (kept, exact, half) = (0, false, -1)
        } else {
            let divisor = Self.powersOfTen[drop]
            let remainder: UInt128
            if magnitude <= UInt64.max, drop <= 19 {
                // 64-bit division where it fits: 128-bit division is a library call.
                let (quotient, rest) = UInt64(magnitude).quotientAndRemainder(dividingBy: UInt64(divisor))
                (kept, remainder) = (UInt128(quotient), UInt128(rest))
            } else {
                (kept, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
            }
            exact = remainder == 0
            half = remainder < divisor - remainder ? -1 : (remainder == divisor - remainder ? 0 : 1)
        }
        let up: Bool
        switch rule {
        case .toNearestOrAwayFromZero: up = !exact && half >= 0
        case .toNearestOrEven: up = !exact && (half > 0 || (half == 0 && kept % 2 == 1))
        case .up: up = !exact && !negative
        case .down: up = !exact && negative
        case .towardZero: up = false
        case .awayFromZero: up = !exact
        @unknown default: up = !exact && half >= 0
        }
        // `up` moves the magnitude one unit away from zero; the kept digits are fewer than 38.
        return Self.signed(kept + (up ? 1 : 0), negative: negative, exponent: -places)
    }
}
