import CourseData
import CourseFiles
import Foundation
import Testing

/// Reading data files from disk: what CourseData parses, found where the path says.
struct DataFileReadingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func missingFileIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent/data.csv")
        #expect(throws: DataFileError(file: "/nonexistent/data.csv", problem: "no such file")) {
            try DataSet(contentsOfCSV: url)
        }
        #expect(throws: DataFileError(file: "log.csv", problem: "no such file")) {
            try CSVTable(contentsOf: url, file: "log.csv")
        }
    }

    @Test func aFileThatIsNotTextIsSaidToBeSo() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-text-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0x78, 0x31, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: url)
        #expect(throws: DataFileError(file: url.path, problem: "is not UTF-8 text")) {
            try DataTable(contentsOf: url)
        }
    }

    /// The data files shipped in Data/ are exactly what `workbook data` makes from
    /// their seed, so anyone can regenerate and check them.
    @Test(arguments: DataSet.Shape.allCases)
    func shippedDataFilesAreTheGeneratedSets(shape: DataSet.Shape) throws {
        let shipped = try DataSet(contentsOfCSV: Self.packageRoot.appendingPathComponent("Data/\(shape.rawValue).csv"))
        #expect(shipped == DataSet.generated(shape, count: 400, seed: 1))
        #expect(Set(shipped.labels) == [0, 1])
    }
}
