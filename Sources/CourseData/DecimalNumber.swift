#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads numbers as a data file writes them: plain decimals only.
enum DecimalNumber {
    /// The double `text` stands for when it is a decimal number,
    /// `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of
    /// the point); nil otherwise. Swift's `Double(_:)` alone would also take
    /// `0x1p3` (8), `nan` and `infinity`, which no data file means.
    /// A number beyond the doubles' range is ±infinity, as `Double(_:)` gives it.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `parse(_:)` on the UTF-8 bytes of the text.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let (zero, nine) = (UInt8(ascii: "0"), UInt8(ascii: "9"))
        var position = 0
        func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        // For Clinger's shortcut below: the digits as one integer while it fits, and
        // how many of those came after the point.
        var significand: UInt64 = 0, significandFits = true, fractionDigits = 0
        func digits(afterPoint: Bool) -> Int {
            let start = position
            while position < bytes.count, bytes[position] >= zero, bytes[position] <= nine {
                if significand > (UInt64.max - 9) / 10 { significandFits = false }
                if significandFits {
                    significand = significand * 10 + UInt64(bytes[position] - zero)
                    if afterPoint { fractionDigits += 1 }
                }
                position += 1
            }
            return position - start
        }

        let isNegative = take(UInt8(ascii: "-"))
        if !isNegative { _ = take(UInt8(ascii: "+")) }
        var digitCount = digits(afterPoint: false)
        if take(UInt8(ascii: ".")) { digitCount += digits(afterPoint: true) }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            let isNegativeExponent = take(UInt8(ascii: "-"))
            if !isNegativeExponent { _ = take(UInt8(ascii: "+")) }
            let start = position
            while position < bytes.count, bytes[position] >= zero, bytes[position] <= nine {
                exponent = min(exponent * 10 + Int(bytes[position] - zero), 10_000)
                position += 1
            }
            guard position > start else { return nil }
            if isNegativeExponent { exponent = -exponent }
        }
        guard position == bytes.count else { return nil }

        // An exponent held at ±10 000 stands for a larger one, which as many zeros after
        // the point could balance: it keeps both shortcuts out of reach, for strtod.
        let powerOfTen = abs(exponent) < 10_000 ? exponent - fractionDigits : exponent
        // Clinger's exact case: a significand of at most 2^53 and a power of ten of at
        // most 10^22 are both exact doubles, so one correctly rounded multiplication or
        // division gives the correctly rounded value, as strtod would.
        if significandFits, significand <= 1 << 53, abs(powerOfTen) < exactPowersOfTen.count {
            let magnitude = powerOfTen < 0 ? Double(significand) / exactPowersOfTen[-powerOfTen]
                                           : Double(significand) * exactPowersOfTen[powerOfTen]
            return isNegative ? -magnitude : magnitude
        }
        if significandFits, let magnitude = extendedQuotient(significand, powerOfTen: powerOfTen) {
            return isNegative ? -magnitude : magnitude
        }
        // The grammar above is a subset of what strtod reads, so it reads all of it, and
        // correctly rounded, as `Double(_:)` does. (strtod follows the C locale, in which
        // every program starts; the workbook never changes it, so the point is a point.)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { terminated in
            for (index, byte) in bytes.enumerated() { terminated[index] = CChar(bitPattern: byte) }
            terminated[bytes.count] = 0
            return strtod(terminated.baseAddress!, nil)
        }
    }

    /// Shortest spellings of doubles often have 17 digits, more than Clinger's case
    /// takes. With 80-bit extended precision (x86-64) the significand, up to 2^64, and
    /// 10^0 … 10^27 are exact, and the quotient or product is correctly rounded to 64
    /// bits. Every midpoint between two doubles is exact in 64 bits, so rounding to the
    /// nearest extended value never crosses one: rounding that value to a double gives
    /// the correctly rounded result, unless it lies on a midpoint itself (its lowest 11
    /// bits 100…0), where the true value could lie on either side: nil, for strtod.
    private static func extendedQuotient(_ significand: UInt64, powerOfTen: Int) -> Double? {
        #if arch(x86_64) && !os(Windows)
        guard abs(powerOfTen) < extendedPowersOfTen.count else { return nil }
        let power = extendedPowersOfTen[abs(powerOfTen)]
        let value = powerOfTen < 0 ? Float80(significand) / power : Float80(significand) * power
        guard value.significandBitPattern & 0x7FF != 0x400 else { return nil }
        return Double(value)
        #else
        return nil
        #endif
    }

    #if arch(x86_64) && !os(Windows)
    /// 10^0 … 10^27, every one exact in 80 bits (5^27 < 2^64).
    private static let extendedPowersOfTen: [Float80] = (0...27).map { k in (0..<k).reduce(1) { power, _ in power * 10 } }
    #endif

    /// 10^0 … 10^22, every one exactly a double.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
