import CourseData
import Foundation

extension DataSet {
    /// Reads a data file (numeric features, the 0/1 label last, an optional
    /// header), or throws a `DataFileError` naming the line and column of the
    /// first thing that is wrong.
    public init(contentsOfCSV url: URL) throws {
        try self.init(table: DataTable(contentsOf: url), file: url.path)
    }
}
