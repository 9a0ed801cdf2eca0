extension ExactDecimal {
    /// The sum: exact within 38 digits, else rounded to 38 half away from zero.
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        if lhs.exponent == rhs.exponent {
            let (sum, overflow) = lhs.significand.addingReportingOverflow(rhs.significand)
            if !overflow, sum.magnitude <= maximumSignificand { return ExactDecimal(unchecked: sum, exponent: lhs.exponent) }
        } else if lhs.significand == 0 {
            return rhs
        } else if rhs.significand == 0 {
            return lhs
        } else if let (left, right, exponent) = aligned(lhs, rhs) {
            let (sum, overflow) = left.addingReportingOverflow(right)
            if !overflow, sum.magnitude <= maximumSignificand { return ExactDecimal(unchecked: sum, exponent: exponent) }
        }
        return wideSum(lhs, rhs)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        lhs + -rhs
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(unchecked: -value.significand, exponent: value.exponent)
    }

    /// The product: exact within 38 digits, else rounded to 38 half away from zero.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (product, overflow) = lhs.significand.multipliedReportingOverflow(by: rhs.significand)
        if !overflow, product.magnitude <= maximumSignificand {
            return ExactDecimal(unchecked: product, exponent: lhs.exponent + rhs.exponent)
        }
        return rounding(
            negative: (lhs.significand < 0) != (rhs.significand < 0),
            WideUnsigned(lhs.significand.magnitude.multipliedFullWidth(by: rhs.significand.magnitude)),
            exponent: lhs.exponent + rhs.exponent)
    }

    /// The quotient: exact when it ends within 38 significant digits, else cut after 38
    /// (toward zero), as Foundation's `Decimal` cuts its quotients: 2 ÷ 3 is 0.666…6.
    ///
    /// - Precondition: `rhs` is not zero (the checklist reader refuses zero divisors).
    public static func / (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        precondition(rhs.significand != 0, "division by zero")
        guard lhs.significand != 0 else { return .zero }
        let negative = (lhs.significand < 0) != (rhs.significand < 0)
        let dividend = lhs.significand.magnitude, divisor = rhs.significand.magnitude
        let exponent = lhs.exponent - rhs.exponent
        // One division when the divisor's digits divide the dividend's (1720 × 20 ÷ 100).
        if dividend <= UInt64.max, divisor <= UInt64.max {
            let (quotient, remainder) = UInt64(dividend).quotientAndRemainder(dividingBy: UInt64(divisor))
            if remainder == 0 { return signed(UInt128(quotient), negative: negative, exponent: exponent) }
        } else {
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
            if remainder == 0 { return signed(quotient, negative: negative, exponent: exponent) }
        }
        // Else the dividend scaled up so that the quotient has 37 or 38 digits (by at least 0
        // places: the dividend has at most 38 digits, the divisor at least 1), then one more
        // digit if it had 37.
        var scale = 37 + digitCount(divisor) - digitCount(dividend)
        let (quotient, firstRemainder) = WideUnsigned(dividend).multiplied(byPowerOfTen: scale).dividedReportingRemainder(by: divisor)
        var digits = quotient.low
        var remainder = firstRemainder
        if digits < powersOfTen[37] {
            let (high, low) = remainder.multipliedFullWidth(by: 10)
            let (digit, rest) = divisor.dividingFullWidth((high, low))
            digits = digits * 10 + digit
            remainder = rest
            scale += 1
        }
        let result = signed(digits, negative: negative, exponent: exponent - scale)
        // A quotient that ends (1 ÷ 8) is kept without the zeros the scaling gave it.
        return remainder == 0 ? result.normalized : result
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) {
        lhs = lhs + rhs
    }

    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) {
        lhs = lhs - rhs
    }

    /// Both significands at the smaller exponent, when that fits 128 bits.
    private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, exponent: Int)? {
        if lhs.exponent > rhs.exponent {
            guard let left = scaled(lhs.significand, by: lhs.exponent - rhs.exponent) else { return nil }
            return (left, rhs.significand, rhs.exponent)
        }
        guard let right = scaled(rhs.significand, by: rhs.exponent - lhs.exponent) else { return nil }
        return (lhs.significand, right, lhs.exponent)
    }

    private static func scaled(_ significand: Int128, by power: Int) -> Int128? {
        guard power <= 38 else { return nil }
        let (product, overflow) = significand.multipliedReportingOverflow(by: Int128(powersOfTen[power]))
        return overflow ? nil : product
    }

    /// `lhs + rhs` when aligning them or their sum does not fit 38 digits: the operand with the
    /// larger exponent is scaled up by at most 38 places, the other scaled down to match, what
    /// it loses kept as a tail (below one unit) for rounding.
    private static func wideSum(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> ExactDecimal {
        let (large, small) = lhs.exponent >= rhs.exponent ? (lhs, rhs) : (rhs, lhs)
        let exponent = max(small.exponent, large.exponent - 38)
        let scaledLarge = WideUnsigned(large.significand.magnitude).multiplied(byPowerOfTen: large.exponent - exponent)
        let drop = exponent - small.exponent
        let part: UInt128, remainder: UInt128, divisor: UInt128
        if drop == 0 {
            (part, remainder, divisor) = (small.significand.magnitude, 0, 1)
        } else if drop <= 38 {
            (part, remainder) = small.significand.magnitude.quotientAndRemainder(dividingBy: powersOfTen[drop])
            divisor = powersOfTen[drop]
        } else {
            // Below a tenth of a unit: only its being there counts, and not even that when
            // rounding half away from zero; 1/10 stands for it.
            (part, remainder, divisor) = (0, 1, 10)
        }
        let largeNegative = large.significand < 0, smallNegative = small.significand < 0
        if largeNegative == smallNegative {
            return rounding(negative: largeNegative, scaledLarge.adding(part), exponent: exponent, tail: (remainder, divisor))
        }
        if scaledLarge > WideUnsigned(part) {
            // The small one's tail is taken from the large one: borrow a unit, give back the rest.
            var difference = scaledLarge.subtracting(part)
            var tail = (remainder, divisor)
            if remainder != 0 {
                difference = difference.subtracting(1)
                tail = (divisor - remainder, divisor)
            }
            return rounding(negative: largeNegative, difference, exponent: exponent, tail: tail)
        }
        // Only when nothing was dropped (a dropped part leaves the large one scaled by 10^38, above it).
        return rounding(negative: smallNegative, WideUnsigned(part - scaledLarge.low), exponent: exponent)
    }

    /// The value nearest sign × (`value` + `tail`) × 10^`exponent` with at most 38 digits,
    /// rounded half away from zero; `tail` is a fraction of a unit below 1 (remainder ÷ divisor).
    static func rounding(
        negative: Bool, _ value: WideUnsigned, exponent: Int, tail: (remainder: UInt128, divisor: UInt128) = (0, 1)
    ) -> ExactDecimal {
        var value = value
        var exponent = exponent
        var roundUp: Bool
        if value.high == 0, value.low <= maximumSignificand {
            roundUp = tail.remainder != 0 && tail.remainder >= tail.divisor - tail.remainder
        } else {
            // Drop the digits past 38: all but the last in steps of at most 38, then the last,
            // which decides (half away from zero: what lies below it cannot tip a digit under 5).
            var drop = value.digitCount - 38
            while drop > 1 {
                let step = min(drop - 1, 38)
                value = value.dividedReportingRemainder(by: powersOfTen[step]).quotient
                exponent += step
                drop -= step
            }
            let (quotient, lastDigit) = value.dividedReportingRemainder(by: 10)
            value = quotient
            exponent += 1
            roundUp = lastDigit >= 5
        }
        var magnitude = value.low
        if roundUp {
            magnitude += 1
            if magnitude > maximumSignificand {
                magnitude /= 10
                exponent += 1
            }
        }
        return signed(magnitude, negative: negative, exponent: exponent)
    }
}

/// An unsigned integer of 256 bits, for the few results that do not fit 128: a sum or product
/// of two 38-digit significands, a dividend scaled for its quotient's digits.
struct WideUnsigned: Comparable {
    var high: UInt128
    var low: UInt128

    init(_ value: UInt128) {
        high = 0
        low = value
    }

    init(_ parts: (high: UInt128, low: UInt128)) {
        high = parts.high
        low = parts.low
    }

    static func < (lhs: WideUnsigned, rhs: WideUnsigned) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    func adding(_ value: UInt128) -> WideUnsigned {
        let (sum, carry) = low.addingReportingOverflow(value)
        return WideUnsigned((high + (carry ? 1 : 0), sum))
    }

    func subtracting(_ value: UInt128) -> WideUnsigned {
        let (difference, borrow) = low.subtractingReportingOverflow(value)
        return WideUnsigned((high - (borrow ? 1 : 0), difference))
    }

    /// This value times 10^`power`; the product must fit 256 bits.
    func multiplied(byPowerOfTen power: Int) -> WideUnsigned {
        var result = self
        var power = power
        while power > 0 {
            let step = min(power, 38)
            let factor = ExactDecimal.powersOfTen[step]
            let (carry, low) = result.low.multipliedFullWidth(by: factor)
            let (overflow, high) = result.high.multipliedFullWidth(by: factor)
            precondition(overflow == 0, "a scaled significand beyond 256 bits")
            let (sum, carried) = high.addingReportingOverflow(carry)
            precondition(!carried, "a scaled significand beyond 256 bits")
            result = WideUnsigned((sum, low))
            power -= step
        }
        return result
    }

    func dividedReportingRemainder(by divisor: UInt128) -> (quotient: WideUnsigned, remainder: UInt128) {
        let (upper, carried) = high.quotientAndRemainder(dividingBy: divisor)
        let (lower, remainder) = divisor.dividingFullWidth((carried, low))
        return (WideUnsigned((upper, lower)), remainder)
    }

    /// How many decimal digits the value has.
    var digitCount: Int {
        if high == 0 { return ExactDecimal.digitCount(low) }
        // At least 2^128 > 10^38: 39 digits, and at most 78 (2^256 < 10^78).
        var count = 39
        var power = WideUnsigned(ExactDecimal.powersOfTen[38]).multiplied(byPowerOfTen: 1)
        while self >= power {
            count += 1
            if count == 78 { break }
            power = power.multiplied(byPowerOfTen: 1)
        }
        return count
    }
}
