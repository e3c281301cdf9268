import CourseData
import Foundation

/// A file's text, for the readers in this module: the whole file as UTF-8, or a
/// `DataFileError` under `name` saying whether it is missing, unreadable or not text.
enum TextFile {
    static func read(_ url: URL, name: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DataFileError(file: name, problem: exists ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: name, problem: "is not UTF-8 text")
        }
        return text
    }
}
