import Foundation

/// Why a data file could not be read, with the place to look.
public struct DataFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `data.csv, line 4, column 2: "abc" is not a number`
    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(problem)"
    }
}

/// Reading and writing the data file format: numeric feature columns, the 0/1
/// label in the last column, an optional header row, comma separated.
extension DataSet {
    /// Reads a data file, or throws a `DataFileError` naming the line and column
    /// of the first thing that is wrong.
    public init(contentsOfCSV url: URL) throws {
        let name = url.path
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
        try self.init(csv: text, file: name)
    }

    /// Parses CSV text; `file` names it in errors.
    public init(csv text: String, file: String = "<text>") throws {
        var features: [[Double]] = []
        var labels: [Double] = []
        var columnCount: Int?
        for (lineNumber, line) in Self.lines(of: text) {
            let fields = Self.fields(of: line)
            if fields.count == 1 && fields[0].isEmpty { continue }
            let numbers = fields.map { Double($0) }
            // A first row with no number in it is a header.
            if columnCount == nil && features.isEmpty && numbers.allSatisfy({ $0 == nil }) {
                columnCount = fields.count
                continue
            }
            if let expected = columnCount, fields.count != expected {
                throw DataFileError(file: file, line: lineNumber,
                                    problem: "has \(fields.count) columns, expected \(expected) like the first row")
            }
            columnCount = fields.count
            guard fields.count >= 2 else {
                throw DataFileError(file: file, line: lineNumber,
                                    problem: "needs at least one feature column and a label column")
            }
            var row: [Double] = []
            for (index, (field, number)) in zip(fields, numbers).enumerated() {
                guard let number, number.isFinite else {
                    let what = field.isEmpty ? "an empty field" : "\"\(field)\""
                    throw DataFileError(file: file, line: lineNumber, column: index + 1,
                                        problem: "\(what) is not a finite number")
                }
                row.append(number)
            }
            let label = row.removeLast()
            guard label == 0 || label == 1 else {
                throw DataFileError(file: file, line: lineNumber, column: fields.count,
                                    problem: "the label is \(fields.last!), expected 0 or 1")
            }
            features.append(row)
            labels.append(label)
        }
        guard !labels.isEmpty else {
            throw DataFileError(file: file, problem: text.isEmpty ? "is empty" : "has no data rows")
        }
        self.init(features: features, labels: labels)
    }

    /// The lines of `text` with their numbers from 1, split at "\n", "\r\n" or "\r".
    /// Works on UTF-8 bytes: splitting Characters costs grapheme breaking per byte.
    private static func lines(of text: String) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        let bytes = Array(text.utf8)
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append((lines.count + 1, bytes[start..<index]))
                if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append((lines.count + 1, bytes[start...])) }
        return lines
    }

    /// The comma-separated fields of a line, without surrounding spaces and tabs.
    private static func fields(of line: ArraySlice<UInt8>) -> [String] {
        line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { field in
            let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            guard let first = field.firstIndex(where: { !isBlank($0) }),
                  let last = field.lastIndex(where: { !isBlank($0) }) else { return "" }
            return String(decoding: field[first...last], as: UTF8.self)
        }
    }

    /// The samples as CSV with a header row (x1, x2, …, label), numbers written
    /// so that reading them back gives the same doubles.
    public var csvText: String {
        let header = (1...max(featureCount, 1)).map { "x\($0)" } + ["label"]
        var lines = [header.joined(separator: ",")]
        for (row, label) in zip(features, labels) {
            lines.append((row.map { "\($0)" } + [String(Int(label))]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
