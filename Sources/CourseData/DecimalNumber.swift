/// Reads numbers as a data file writes them: plain decimals only.
enum DecimalNumber {
    /// The double `text` stands for when it is a decimal number,
    /// `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of
    /// the point); nil otherwise. Swift's `Double(_:)` alone would also take
    /// `0x1p3` (8), `nan` and `infinity`, which no data file means.
    static func parse(_ text: String) -> Double? {
        var digitsBeforeExponent = 0
        var seenPoint = false, seenExponent = false, digitsInExponent = 0
        var previous: UInt8?
        for byte in text.utf8 {
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
        return Double(text)
    }
}
