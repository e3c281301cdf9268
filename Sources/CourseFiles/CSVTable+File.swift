import CourseData
import Foundation

extension CSVTable {
    /// Reads a CSV file as text, or throws a `DataFileError` naming the file (and
    /// the line, for a ragged row); `file` names it in errors, its path by default.
    /// With `headerRequired` the first record is the header; without, it is the
    /// header only when none of its fields is a number, as `DataTable` decides.
    public init(contentsOf url: URL, file: String? = nil, headerRequired: Bool = true) throws {
        let name = file ?? url.path
        try self.init(csv: TextFile.read(url, name: name), file: name, headerRequired: headerRequired)
    }
}
