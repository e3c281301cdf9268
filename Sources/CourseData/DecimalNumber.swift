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
        var digitsBeforeExponent = 0
        var seenPoint = false, seenExponent = false, digitsInExponent = 0
        var previous: UInt8?
        for byte in bytes {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenExponent { digitsInExponent += 1 } else { digitsBeforeExponent += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !seenPoint && !seenExponent else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent && digitsBeforeExponent > 0 else { return nil }
                seenExponent = true
            default:
                return nil
            }
        }
        guard digitsBeforeExponent > 0, !seenExponent || digitsInExponent > 0 else { return nil }
        // The grammar above is a subset of what strtod reads, so it reads all of it, and
        // correctly rounded, as `Double(_:)` does. (strtod follows the C locale, in which
        // every program starts; the workbook never changes it, so the point is a point.)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { terminated in
            for (index, byte) in bytes.enumerated() { terminated[index] = CChar(bitPattern: byte) }
            terminated[bytes.count] = 0
            return strtod(terminated.baseAddress!, nil)
        }
    }
}
