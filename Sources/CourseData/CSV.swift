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
/// label in the last column, an optional header row, comma separated (see `DataTable`).
extension DataSet {
    /// Parses CSV text; `file` names it in errors.
    public init(csv text: String, file: String = "<text>") throws {
        try self.init(table: DataTable(csv: text, file: file), file: file)
    }

    /// The table's rows as samples: every column but the last a feature, the
    /// last the label, which must be 0 or 1.
    public init(table: DataTable, file: String) throws {
        var features: [[Double]] = []
        var labels: [Double] = []
        features.reserveCapacity(table.rows.count)
        labels.reserveCapacity(table.rows.count)
        for (row, line) in zip(table.rows, table.lines) {
            guard row.count >= 2 else {
                throw DataFileError(file: file, line: line,
                                    problem: "needs at least one feature column and a label column")
            }
            let label = row[row.count - 1]
            guard label == 0 || label == 1 else {
                throw DataFileError(file: file, line: line, column: row.count,
                                    problem: "the label is \(Self.shortest(label)), expected 0 or 1")
            }
            features.append(Array(row.dropLast()))
            labels.append(label)
        }
        self.init(features: features, labels: labels)
    }

    /// 2.0 → "2", 0.5 → "0.5"
    private static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
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
