import Foundation
import Testing
@testable import CourseData

struct DataFileTests {
    @Test func readsHeaderCommentsFreeCSVWithCRLF() throws {
        let data = try DataSet(csv: "x1,x2,label\r\n0.5,-1,1\r\n\r\n2e-3, 4 ,0\r\n", file: "d.csv")
        #expect(data.features == [[0.5, -1], [0.002, 4]])
        #expect(data.labels == [1, 0])
    }

    /// RFC 4180: quoted numbers are numbers, a quoted header may hold commas and
    /// doubled quotes, and a quoted field may span lines.
    @Test func readsQuotedFields() throws {
        let table = try DataTable(csv: "\"radius, mean\",\"say \"\"hi\"\"\",label\n\"0.1\",\"0.2\",\"1\"\n 3 , \"4\" ,0\n", file: "q.csv")
        #expect(table.header == ["radius, mean", "say \"hi\"", "label"])
        #expect(table.rows == [[0.1, 0.2, 1], [3, 4, 0]])
        #expect(table.lines == [2, 3])
        let spanning = try DataTable(csv: "\"first\nname\",label\n1,0\n", file: "q.csv")
        #expect(spanning.header == ["first\nname", "label"])
        #expect(spanning.lines == [3])
        #expect(try DataSet(csv: "\"0.1\",\"0.2\",\"1\"\n") == DataSet(features: [[0.1, 0.2]], labels: [1]))
    }

    /// A spreadsheet's export in a locale with decimal commas.
    @Test(arguments: ["x;y;label\n0,1;0,2;1\n", "0.1;0.2;1\n0.3;0.4;0\n"])
    func semicolonSeparatedFilesAreNamedAsSuch(text: String) {
        #expect(throws: DataFileError(file: "s.csv", line: 1, problem: "looks semicolon-separated (\";\" between the values); "
            + "the data format separates columns with commas and writes decimals with a point: export it as comma-separated CSV")) {
            try DataSet(csv: text, file: "s.csv")
        }
    }

    @Test(arguments: [("8", 8.0), ("-1.5", -1.5), ("+.5", 0.5), ("2.", 2.0), ("2e-3", 0.002), ("1E+2", 100.0)])
    func decimalNumbersAreRead(text: String, value: Double) {
        #expect(DecimalNumber.parse(text) == value)
    }

    /// The shortcut for short significands must give the very double Swift's own
    /// parser gives (correctly rounded), and so must the path through strtod: checked
    /// on the shortest spellings of random doubles, on short decimals with exponents
    /// from 10^-30 to 10^30 (inside and outside the shortcuts' ranges), on 1- to
    /// 20-digit significands, on signed zeros, and on decimals next to a midpoint
    /// between two doubles.
    @Test func numbersAreReadAsSwiftReadsThem() {
        var random = NumPyRandom(seed: 4)
        var texts = ["0", "-0", "0.0", "-0.000", "9007199254740992", "9007199254740993", "1e22", "1e23", "4.9e-324",
                     "1.7976931348623157e308", "123456789012345678901234567890",
                     // Just off a midpoint between two doubles, and rounded onto it in 64 bits
                     // (found with exact rational arithmetic): only strtod gets these right.
                     "0.8489593995678604288", "0.2625183354820274928", "0.7908361176241581192",
                     "0.8374074528806710327", "0.4384393972260028638", "0.7646572816333626066"]
        for _ in 0..<3000 {
            let value = (random.nextDouble() - 0.5) * pow(10, Double(Int(random.nextUInt32() % 40)) - 20)
            texts.append("\(value)")
            let digits = Int(random.nextUInt32() % 20) + 1
            let significand = (0..<digits).map { _ in String(random.nextUInt32() % 10) }.joined()
            let point = Int(random.nextUInt32()) % (digits + 1)
            let exponent = Int(random.nextUInt32() % 61) - 30
            texts.append((random.nextUInt32() % 2 == 0 ? "-" : "") + significand.prefix(point) + "." + significand.dropFirst(point)
                         + "e\(exponent)")
        }
        for text in texts {
            let expected = Double(text)!
            let read = DecimalNumber.parse(text)
            #expect(read?.bitPattern == expected.bitPattern, "\(text): read \(String(describing: read)), Swift reads \(expected)")
        }
    }

    @Test(arguments: ["0x1p3", "nan", "inf", "1e", "e5", ".", "-", "1-2", "1.2.3", "1e2.5", "0b1", "1_000"])
    func otherSpellingsAreNotDecimalNumbers(text: String) {
        #expect(DecimalNumber.parse(text) == nil)
    }

    @Test func readsAFileWithoutHeader() throws {
        #expect(try DataSet(csv: "1,2,0\n3,4,1\n").count == 2)
    }

    @Test(arguments: [
        ("1,2,0\n3,4\n", "d.csv, line 2: has 2 columns, expected 3 like the first row"),
        ("x,y,label\n1,2,0\n3,abc,1\n", "d.csv, line 3, column 2: \"abc\" is not a finite number"),
        ("1,,0\n", "d.csv, line 1, column 2: an empty field is not a finite number"),
        ("1,2,2\n", "d.csv, line 1, column 3: the label is 2, expected 0 or 1"),
        ("1,nan,1\n", "d.csv, line 1, column 2: \"nan\" is not a finite number"),
        ("", "d.csv: is empty"),
        ("x1,x2,label\n", "d.csv: has no data rows"),
        ("0x1p3,2,1\n", "d.csv, line 1, column 1: \"0x1p3\" is not a decimal number (write plain decimals such as 8 or 2.5e-3)"),
        ("1,infinity,1\n", "d.csv, line 1, column 2: \"infinity\" is not a finite number"),
        ("1,1e400,1\n", "d.csv, line 1, column 2: \"1e400\" is too large for a double (not a finite number)"),
        ("\"1\",\"2,0\n", "d.csv, line 1, column 2: a quoted field is never closed (a \" without its partner)"),
        ("\"1\"x,2,0\n", "d.csv, line 1, column 1: text after the closing quote of a quoted field"),
        ("1,2,0\n3;4,1\n", "d.csv, line 2: has 2 columns, expected 3 like the first row"
            + " (it holds semicolons: the file may be semicolon-separated; write it with commas)"),
        ("1\n", "d.csv, line 1: needs at least one feature column and a label column"),
    ])
    func malformedFilesNameTheirPlace(text: String, message: String) {
        #expect(throws: DataFileError.self) { try DataSet(csv: text, file: "d.csv") }
        do {
            _ = try DataSet(csv: text, file: "d.csv")
        } catch {
            #expect(String(describing: error) == message)
        }
    }

    @Test func csvRoundTripKeepsEveryDouble() throws {
        let data = DataSet.generated(.moons, count: 50, seed: 4)
        #expect(try DataSet(csv: data.csvText) == data)
    }

    @Test func splitKeepsFileOrder() {
        let data = DataSet(features: (0..<10).map { [Double($0)] }, labels: (0..<10).map { Double($0 % 2) })
        let (train, test) = data.split(testFraction: 0.2)
        #expect(train.features.map { $0[0] } == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(test.features.map { $0[0] } == [8, 9])
    }
}
