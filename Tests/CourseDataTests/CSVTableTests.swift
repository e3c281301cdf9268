import CourseData
import Testing

/// `CSVTable` on the line ends and separators training logs are written with.
struct CSVTableTests {
    @Test func crCrLfEndsOneLine() throws {
        let table = try CSVTable(csv: "epoch,loss\r\r\n0,0.5\r\r\n1,0.4\r\r\n", file: "log.csv")
        #expect(table.rows == [["0", "0.5"], ["1", "0.4"]])
        #expect(table.lines == [2, 3], "CR CR LF ends one line, not two")
    }

    @Test func tabSeparatedKeepsEmptyFieldsAndTrimsSpaces() throws {
        let table = try CSVTable(csv: "Epoch\tLossPi\t LossV \n0\t\t21.4\n1\t-3e-08\t15.8\n", file: "progress.txt",
                                 separator: UInt8(ascii: "\t"))
        #expect(table.header == ["Epoch", "LossPi", "LossV"])
        #expect(table.rows == [["0", "", "21.4"], ["1", "-3e-08", "15.8"]])
        #expect(throws: DataFileError(file: "p.txt", line: 2, problem: "has 1 field, expected 2 like the header (a, b)")) {
            try CSVTable(csv: "a\tb\n1,2\n", file: "p.txt", separator: UInt8(ascii: "\t"))
        }
    }
}
