import CourseData
import Foundation

extension DataTable {
    /// Reads a CSV file of numbers, or throws a `DataFileError` naming the file
    /// (its path), line and column.
    public init(contentsOf url: URL) throws {
        try self.init(csv: TextFile.read(url, name: url.path), file: url.path)
    }
}
