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

        // Clinger's exact case: a significand of at most 2^53 and a power of ten of at
        // most 10^22 are both exact doubles, so one correctly rounded multiplication or
        // division gives the correctly rounded value, as strtod would.
        let powerOfTen = exponent - fractionDigits
        if significandFits, significand <= 1 << 53, abs(powerOfTen) < exactPowersOfTen.count {
            let magnitude = powerOfTen < 0 ? Double(significand) / exactPowersOfTen[-powerOfTen]
                                           : Double(significand) * exactPowersOfTen[powerOfTen]
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

    /// 10^0 … 10^22, every one exactly a double.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
