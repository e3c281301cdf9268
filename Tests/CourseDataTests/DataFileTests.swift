import Foundation
import Testing
@testable import CourseData

struct DataFileTests {
    @Test func readsHeaderCommentsFreeCSVWithCRLF() throws {
        let data = try DataSet(csv: "x1,x2,label\r\n0.5,-1,1\r\n\r\n2e-3, 4 ,0\r\n", file: "d.csv")
        #expect(data.features == [[0.5, -1], [0.002, 4]])
        #expect(data.labels == [1, 0])
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

    @Test func missingFileIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent/data.csv")
        #expect(throws: DataFileError(file: "/nonexistent/data.csv", problem: "no such file")) {
            try DataSet(contentsOfCSV: url)
        }
    }

    @Test func csvRoundTripKeepsEveryDouble() throws {
        let data = DataSet.generated(.moons, count: 50, seed: 4)
        #expect(try DataSet(csv: data.csvText) == data)
    }

    /// The data files shipped in Data/ are exactly what `workbook data` makes from
    /// their seed, so anyone can regenerate and check them.
    @Test(arguments: DataSet.Shape.allCases)
    func shippedDataFilesAreTheGeneratedSets(shape: DataSet.Shape) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try DataSet(contentsOfCSV: root.appendingPathComponent("Data/\(shape.rawValue).csv"))
        #expect(shipped == DataSet.generated(shape, count: 400, seed: 1))
        #expect(Set(shipped.labels) == [0, 1])
    }

    @Test func splitKeepsFileOrder() {
        let data = DataSet(features: (0..<10).map { [Double($0)] }, labels: (0..<10).map { Double($0 % 2) })
        let (train, test) = data.split(testFraction: 0.2)
        #expect(train.features.map { $0[0] } == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(test.features.map { $0[0] } == [8, 9])
    }
}
