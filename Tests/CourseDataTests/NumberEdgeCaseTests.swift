import Foundation
import Testing
@testable import CourseData

/// `DecimalNumber.parse` against Swift's own reading, bit for bit, on the
/// spellings its shortcuts are most likely to get wrong, and CSV edge cases.
struct NumberEdgeCaseTests {
    static func expectSwiftsReading(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var wrong: [String] = []
        for text in texts {
            let expected = Double(text)
            let read = DecimalNumber.parse(text)
            if read?.bitPattern != expected?.bitPattern {
                wrong.append("\(text.count > 80 ? String(text.prefix(40)) + "…(\(text.count))" : text): "
                             + "read \(String(describing: read)), Swift reads \(String(describing: expected))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(texts.count) differ: \(wrong.prefix(5))", sourceLocation: sourceLocation)
    }

    @Test func edgeSpellingsAreReadAsSwiftReadsThem() {
        Self.expectSwiftsReading([
            "-0", "+0", "-0.0e-999", "+.5", "-.5", "5.", "-5.e3", "0.000000000000000000001234",
            "1.2300000000000000000000", "000000000000000000000000001.5", "1e-400", "-1e-400", "1e309", "-1e309",
            "4.9e-325", "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "1.7976931348623158e308", "1.7976931348623159e308",
            "1e0000000000000000000005", "1e-0000000000000000000005", "1e+0022", "1e23", "9.999999999999999e22",
            // 19 and 20 significant digits, either side of UInt64's range, with and without a point.
            "1844674407370955161", "18446744073709551615", "18446744073709551616", "99999999999999999999",
            "1844674407370955161.5", "18446744073709551615.5", "1.8446744073709551615", "0.18446744073709551616e20",
            "9007199254740993", "9007199254740993.000000000000001", "9007199254740992.999999999999999",
            "0.10000000000000000555", "0.1000000000000000055511151231257827", "0.1000000000000000055511151231257828",
            "123456789012345678901234567890.123456789e-10",
        ])
    }

    /// Leading zeros after the point make the exponent larger without a digit that
    /// counts; an exponent of more than 10 000 balanced by as many zeros is a small number.
    @Test func manyZerosBalanceAHugeExponent() {
        let zeros = String(repeating: "0", count: 10_020)
        Self.expectSwiftsReading([
            "0.\(zeros)1e10021", "0.\(zeros)1e10040", "0.\(zeros)15e10021", "-0.\(zeros)7e10030",
            "1\(zeros)e-10020", "1\(zeros)e-10040", "0.\(zeros)1", "0.\(zeros)1e-3",
        ])
    }

    /// Decimals of 17 to 21 digits on, and one unit of the last digit either side
    /// of, the midpoint between two random doubles: the 80-bit path must hand
    /// every one that rounds onto the midpoint to strtod.
    @Test func decimalsAroundMidpointsAreReadAsSwiftReadsThem() {
        var random = NumPyRandom(seed: 11)
        var texts: [String] = []
        for _ in 0..<1500 {
            let scale = Double(sign: .plus, exponent: Int(random.nextUInt32() % 140) - 70, significand: 1)
            let value = (0.5 + random.nextDouble()) * scale
            let midpoint = Float80(value) + (Float80(value.nextUp) - Float80(value)) / 2
            for digits in 17...21 {
                // glibc prints a long double's exact decimal expansion, rounded to `digits` digits.
                let text = Self.format(midpoint, digits: digits)
                texts.append(text)
                let (mantissa, exponent) = (text.split(separator: "e")[0], text.split(separator: "e")[1])
                let integer = mantissa.replacingOccurrences(of: ".", with: "")
                let power = Int(exponent)! - (digits - 1)
                if let n = UInt64(integer) {
                    texts += ["\(n + 1)e\(power)", "\(n - 1)e\(power)"]
                } else {
                    texts += ["\(integer)1e\(power - 1)", "\(integer.dropLast())e\(power + 1)"]
                }
            }
        }
        Self.expectSwiftsReading(texts)
    }

    static func format(_ value: Float80, digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            _ = withVaList([value]) { vsnprintf(buffer.baseAddress!, 64, "%.\(digits - 1)Le", $0) }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// Lines that end in CR alone, a quoted header spanning a CRLF, and the line
    /// numbers counted through both; a trailing comma is an empty last field.
    @Test func lineEndingsAndQuotesKeepTheirLines() throws {
        let crOnly = try DataTable(csv: "x,y,label\r1,2,0\r\r3,4,1\r", file: "c.csv")
        #expect(crOnly.header == ["x", "y", "label"])
        #expect(crOnly.rows == [[1, 2, 0], [3, 4, 1]])
        #expect(crOnly.lines == [2, 4])
        let spanning = try DataTable(csv: "\"a\r\nb\",\"c\"\"d\"\r\n 1 , \"2e0\" \r\n\r\n", file: "c.csv")
        #expect(spanning.header == ["a\r\nb", "c\"d"])
        #expect(spanning.rows == [[1, 2]])
        #expect(spanning.lines == [3])
        #expect(throws: DataFileError(file: "c.csv", line: 1, column: 3, problem: "an empty field is not a finite number")) {
            try DataTable(csv: "1,2,\n3,4,5\n", file: "c.csv")
        }
    }
}
