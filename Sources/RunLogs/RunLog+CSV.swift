import CourseData
import Foundation

extension RunLog {
    /// Fields that hold no value: blank (PyTorch Lightning leaves a metric's cell empty
    /// on rows that logged others), `NA` (Keras' `CSVLogger` for a missing key), and the
    /// not-a-number and infinite values a diverged run logs. Each is a gap in its line.
    static let gapFields: Set<String> = ["", "na", "n/a", "nan", "-nan", "inf", "+inf", "-inf", "infinity", "-infinity"]

    /// A CSV with a header and an `epoch` or `step` column (any case); every other column
    /// is a quantity. A row whose epoch cell is blank (a Lightning validation loop's own
    /// rows, `LearningRateMonitor`'s) logs its values against its step only. Epochs counted
    /// from 0, as Keras and Lightning count them, are shifted to count completed epochs
    /// from 1, as `workbook train` does, so runs from different tools line up. An epoch
    /// lower than the one before among rows that log the same columns (a step, where there
    /// is no epoch column) starts a new run: `CSVLogger(append=True)` over several runs.
    /// TensorBoard's "Download CSV" (`Wall time,Step,Value`) is one curve named after the file.
    static func fromCSV(_ text: String, file: String, separator: UInt8 = UInt8(ascii: ",")) throws -> RunLog {
        var reader = CSVLogReader(file: file)
        return try reader.read(text, separator: separator)
    }
}

/// Reads one CSV log; see `RunLog.fromCSV`. Each record's fields are read from the file's
/// bytes as they stream past, numbers without a string per field.
private struct CSVLogReader {
    let file: String
    /// Each column's values, NaN for a gap, and whether its cell was blank ("not logged").
    private var values: [[Double]] = []
    private var blank: [[Bool]] = []
    /// The same while reading, row after row in one array each (cheaper to grow than a column apiece).
    private var cells: [Double] = []
    private var blankCells: [Bool] = []
    private var lines: [Int] = []

    init(file: String) {
        self.file = file
    }

    mutating func read(_ text: String, separator: UInt8) throws -> RunLog {
        var header: [String]?
        var epochColumn: Int?, stepColumn: Int?
        var rowCount = 0
        // About one row a line: room for every column's values made once, not grown.
        let newline = UInt8(ascii: "\n")
        let expectedRows = text.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $0 + ($1 == newline ? 1 : 0) } }
            ?? text.utf8.reduce(0) { $0 + ($1 == newline ? 1 : 0) }
        try CSVRecords.forEach(in: text, file: file, separator: separator) { record in
            guard let names = header else {
                let names = record.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
                header = names
                epochColumn = names.firstIndex { $0.lowercased() == "epoch" }
                stepColumn = names.firstIndex { ["step", "global_step"].contains($0.lowercased()) }
                cells.reserveCapacity(expectedRows * names.count)
                blankCells.reserveCapacity(expectedRows * names.count)
                lines.reserveCapacity(expectedRows)
                return
            }
            guard record.count == names.count else {
                let joined = names.joined(separator: separator == UInt8(ascii: ",") ? "," : ", ")
                throw RunLogError(DataFileError(file: file, line: record.line,
                                                problem: "has \(record.count) field\(record.count == 1 ? "" : "s"), expected \(names.count) like the header (\(joined))").description)
            }
            rowCount += 1
            lines.append(record.line)
            for column in 0..<record.count {
                if record.isEmpty(at: column) {
                    cells.append(.nan)
                    blankCells.append(true)
                    continue
                }
                blankCells.append(false)
                if let number = record.number(at: column), number.isFinite {
                    cells.append(number)
                } else {
                    cells.append(try gap(record.text(at: column), line: record.line, column: column, name: names[column],
                                                  isAxis: column == epochColumn || column == stepColumn))
                }
            }
        }
        guard let header else { throw RunLogError("\(file): is empty") }
        let width = header.count
        values = (0..<width).map { column in (0..<rowCount).map { cells[$0 * width + column] } }
        blank = (0..<width).map { column in (0..<rowCount).map { blankCells[$0 * width + column] } }
        cells = []
        blankCells = []
        return try log(names: header, rowCount: rowCount, epochColumn: epochColumn, stepColumn: stepColumn)
    }

    /// A field that is not a number: a gap in the line, or an error naming its place.
    private func gap(_ text: String, line: Int, column: Int, name: String, isAxis: Bool) throws -> Double {
        if !isAxis && RunLog.gapFields.contains(text.lowercased()) { return .nan }
        throw RunLogError("\(file), line \(line), column \(column + 1) (\(name)): \"\(text)\" is not a number"
            + (isAxis ? "; expected the \(name) number" : "; expected a logged value, or an empty cell where none was logged"))
    }

    private func log(names header: [String], rowCount: Int, epochColumn: Int?, stepColumn: Int?) throws -> RunLog {
        var names = header
        let found = names.joined(separator: ", ")
        // TensorBoard's "Download CSV": one tag's values, named after the file.
        let isTensorBoardDownload = names.map { $0.lowercased() } == ["wall time", "step", "value"]
        if isTensorBoardDownload { names[2] = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }
        let epochColumn = names.firstIndex { $0.lowercased() == "epoch" }
        let stepColumn = names.firstIndex { ["step", "global_step"].contains($0.lowercased()) }
        guard epochColumn != nil || stepColumn != nil else {
            throw RunLogError("\(file): no epoch or step column (columns found: \(found)); "
                + "workbook plot needs a header row naming one of them")
        }
        guard rowCount > 0 else { throw RunLogError("\(file): no data rows, nothing to plot (columns found: \(found))") }
        let epochs = epochColumn.map { values[$0] } ?? Array(repeating: .nan, count: rowCount)
        let steps = stepColumn.map { values[$0] } ?? Array(repeating: .nan, count: rowCount)
        for (row, pair) in zip(epochs, steps).enumerated() where pair.0.isNaN && pair.1.isNaN {
            let column = epochColumn ?? stepColumn!
            throw RunLogError("\(file), line \(lines[row]), column \(column + 1) (\(names[column])): "
                + "an empty field; a row needs its \(names[epochColumn ?? stepColumn!])"
                + (epochColumn != nil && stepColumn != nil ? " or its \(names[stepColumn!])" : ""))
        }
        let metricColumns = names.indices.filter { $0 != epochColumn && $0 != stepColumn && !(isTensorBoardDownload && $0 == 0) }
            .filter { column in values[column].indices.contains { !blank[column][$0] } }
        guard metricColumns.contains(where: { values[$0].contains { !$0.isNaN } }) else {
            throw RunLogError("\(file): nothing to plot: no column besides \(names[epochColumn ?? stepColumn!]) holds a number (columns found: \(found))")
        }
        let columns = metricColumns.map { column in
            let logged = values[column].indices.filter { !blank[column][$0] }
            return RunLog.Column(name: names[column], epochs: logged.map { epochs[$0] }, steps: logged.map { steps[$0] },
                                 values: logged.map { values[column][$0] }, rows: logged)
        }
        let restarts = restartRows(epochs: epochColumn == nil ? steps : epochs, blank: blank, metricColumns: metricColumns)
        let firstEpochs = epochs.prefix(restarts.first ?? epochs.count).filter { !$0.isNaN }
        return RunLog(file: file, columns: columns, epochShift: firstEpochs.min() == 0 ? 1 : 0, restarts: restarts)
    }

    /// The rows where a new run starts: a count lower than the last among rows that
    /// logged the same columns.
    private func restartRows(epochs: [Double], blank: [[Bool]], metricColumns: [Int]) -> [Int] {
        // A row's kind: which columns it logged, as bits (64 columns a word).
        var last: [[UInt64]: Double] = [:]
        var restarts: [Int] = []
        var kind = [UInt64](repeating: 0, count: (metricColumns.count + 63) / 64)
        for row in epochs.indices where !epochs[row].isNaN {
            for word in kind.indices { kind[word] = 0 }
            for (bit, column) in metricColumns.enumerated() where !blank[column][row] {
                kind[bit / 64] |= 1 << UInt64(bit % 64)
            }
            if let previous = last[kind], epochs[row] < previous {
                restarts.append(row)
                last = [:]
            }
            last[kind] = epochs[row]
        }
        return restarts
    }
}
