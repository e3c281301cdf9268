import CourseData
import CourseFiles
import Foundation

/// A data file read as samples: features and a 0/1 label, chosen from its columns
/// by `ColumnChoice`, with the names of the features and, when the file has a
/// header, what the model file keeps about the columns.
///
/// The default (last column the label, written 0 or 1) reads the file's bytes as
/// numbers directly (`DataTable`); a file with words in it, or any column option,
/// is read as text (`CSVTable`) and its columns sorted out here. Every error is a
/// `TrainingInputError` naming the file, line and column or the option.
public struct LabelledData {
    public let data: DataSet
    public let featureNames: [String]
    /// Nil for a file without a header.
    public let columns: DataColumns?

    public init(path: String, choice: ColumnChoice = ColumnChoice()) throws {
        if choice.isDefault {
            do {
                let table = try TrainingSetup.readTable(path)
                let data = try TrainingSetup.dataSet(table, path: path)
                let names = TrainingSetup.names(table.header, count: data.featureCount)
                self.init(data: data, featureNames: names,
                          columns: table.header.map { DataColumns(features: names, label: $0[$0.count - 1]) })
                return
            } catch let error as TrainingInputError where error.isNotANumber {
                // Words in the file: read it as text below, which can say which column holds them.
            }
        }
        let table: CSVTable
        do {
            table = try CSVTable(contentsOf: URL(fileURLWithPath: path), file: path, headerRequired: false)
        } catch let error as DataFileError {
            throw TrainingInputError(error.description)
        }
        try self.init(table: table, path: path, choice: choice)
    }

    init(data: DataSet, featureNames: [String], columns: DataColumns?) {
        self.data = data
        self.featureNames = featureNames
        self.columns = columns
    }

    init(table: CSVTable, path: String, choice: ColumnChoice) throws {
        let count = table.columnCount
        let names = table.header ?? (1...max(count, 1)).map { "column \($0)" }
        guard !table.rows.isEmpty else { throw TrainingInputError("\(path): has no data rows") }
        let label = try choice.label.map { try Self.column($0, in: table, names: names, path: path, option: "--label") } ?? count - 1
        let ignored = try choice.ignore.map { try Self.column($0, in: table, names: names, path: path, option: "--ignore") }
        if ignored.contains(label) {
            throw TrainingInputError("--ignore \(names[label]): that is the label column; leave it out of --ignore or choose another with --label")
        }
        let featureColumns = (0..<count).filter { $0 != label && !ignored.contains($0) }
        guard !featureColumns.isEmpty else {
            throw TrainingInputError("\(path): no feature column is left besides the label \(names[label])"
                + (ignored.isEmpty ? "" : " and the ignored \(ignored.map { names[$0] }.joined(separator: ", "))"))
        }
        var features = Array(repeating: [Double](), count: table.rows.count)
        for column in featureColumns {
            let values = table.rows.map { CSVTable.number($0[column]).flatMap { $0.isFinite ? $0 : nil } }
            if let bad = values.firstIndex(where: { $0 == nil }) {
                let text = table.rows[bad][column]
                let place = "\(path), line \(table.lines[bad]), column \(column + 1) (\(names[column]))"
                // A column of words (not hexadecimal or `nan`, which are numbers written otherwise).
                if values.allSatisfy({ $0 == nil }), table.rows.allSatisfy({ Double($0[column]) == nil }) {
                    throw TrainingInputError("\(place): \"\(text)\" is not a number, and neither is the rest of the column: "
                        + "features are numbers; leave it out with --ignore \(Self.optionValue(names[column], column))"
                        + " or make it the label with --label \(Self.optionValue(names[column], column))")
                }
                // One stray cell: said as the numeric reader says it.
                throw TrainingInputError("\(path), line \(table.lines[bad]), column \(column + 1): "
                    + DataTable.whyNotANumber(text))
            }
            for row in features.indices { features[row].append(values[row]!) }
        }
        let labelling = try Self.labels(of: table, column: label, name: names[label], path: path, positive: choice.positive)
        data = DataSet(features: features, labels: labelling.labels)
        let featureNames = table.header == nil ? featureColumns.indices.map { "x\($0 + 1)" }
            : featureColumns.map { names[$0].isEmpty ? "x\($0 + 1)" : names[$0] }
        self.featureNames = featureNames
        columns = table.header.map { _ in
            DataColumns(features: featureNames, label: names[label], positive: labelling.positive,
                        negative: labelling.negative, ignored: ignored.map { names[$0] })
        }
    }

    /// `--label diagnosis` or `--label 2`: the column's index.
    static func column(_ text: String, in table: CSVTable, names: [String], path: String, option: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let header = table.header {
            if let index = header.firstIndex(of: trimmed) ?? header.firstIndex(where: { $0.lowercased() == trimmed.lowercased() }) {
                return index
            }
        }
        if let number = Int(trimmed) {
            guard (1...names.count).contains(number) else {
                throw TrainingInputError("\(option) \(trimmed): \(path) has \(names.count) columns; give a name or a number from 1 to \(names.count)")
            }
            return number - 1
        }
        guard let header = table.header else {
            throw TrainingInputError("\(option) \(trimmed): \(path) has no header row to name its columns; give the column's number, 1 to \(names.count)")
        }
        throw TrainingInputError("\(option) \(trimmed): \(path) has no such column (columns found: \(header.joined(separator: ", ")))")
    }

    /// A column as an option takes it: its name, or its number when the name would need quoting.
    static func optionValue(_ name: String, _ index: Int) -> String {
        !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) ? name : String(index + 1)
    }

    /// Labels written 0 and 1, or two words of which one is class 1: the obvious one
    /// (1, true, yes) or the one `--positive` names.
    static func labels(of table: CSVTable, column: Int, name: String, path: String,
                       positive: String?) throws -> (labels: [Double], positive: String?, negative: String?) {
        let texts = table.rows.map { $0[column].trimmingCharacters(in: .whitespaces) }
        let place = "\(path), column \(column + 1) (\(name))"
        if let empty = texts.firstIndex(of: "") {
            throw TrainingInputError("\(path), line \(table.lines[empty]), column \(column + 1) (\(name)): the label is empty")
        }
        let numbers = texts.map { CSVTable.number($0) }
        if positive == nil, numbers.allSatisfy({ $0 != nil }) {
            if let bad = numbers.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw TrainingInputError("\(path), line \(table.lines[bad]), column \(column + 1): the label is \(texts[bad]), expected 0 or 1"
                    + "; labels written as two other values need --positive VALUE naming class 1")
            }
            return (numbers.map { $0! }, nil, nil)
        }
        var values: [String] = []
        for text in texts where !values.contains(text) { values.append(text) }
        guard values.count == 2 else {
            let shown = values.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (values.count > 5 ? ", …" : "")
            throw TrainingInputError("\(place): the label column holds \(values.count) value\(values.count == 1 ? "" : "s") (\(shown)); "
                + "training needs exactly two classes" + (values.count > 2 ? "; choose the label column with --label" : ""))
        }
        let chosen: String
        if let positive {
            guard let match = values.first(where: { $0 == positive }) ?? values.first(where: { $0.lowercased() == positive.lowercased() }) else {
                throw TrainingInputError("--positive \(positive): the label column \(name) holds \"\(values[0])\" and \"\(values[1])\"; "
                    + "give one of them")
            }
            chosen = match
        } else if let obvious = values.first(where: { ["1", "true", "yes"].contains($0.lowercased()) }),
                  let other = values.first(where: { $0 != obvious }),
                  ["0", "false", "no"].contains(other.lowercased()) {
            chosen = obvious
        } else {
            let sorted = values.sorted()
            throw TrainingInputError("\(place): the labels are \"\(sorted[0])\" and \"\(sorted[1])\"; say which is class 1 "
                + "with --positive \(sorted[0]) or --positive \(sorted[1])")
        }
        let negative = values.first { $0 != chosen }!
        return (texts.map { $0 == chosen ? 1 : 0 }, chosen, negative)
    }
}

extension TrainingInputError {
    /// A field that is not a number: the data may hold words a column option can sort out.
    var isNotANumber: Bool { description.contains("is not a finite number") || description.contains("is not a decimal number") }
}
