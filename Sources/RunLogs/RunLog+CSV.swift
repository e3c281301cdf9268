import CourseData
import Foundation

extension RunLog {
    /// Fields that hold no value: blank (PyTorch Lightning leaves a metric's cell empty
    /// on rows that logged others), `NA` (Keras' `CSVLogger` for a missing key), and the
    /// not-a-number and infinite values a diverged run logs. Each is a gap in its line.
    static let gapFields: Set<String> = ["", "na", "n/a", "nan", "-nan", "inf", "+inf", "-inf", "infinity", "-infinity"]

    /// A CSV with a header and an `epoch` or `step` column; every other column is a curve.
    /// When both are there (Lightning), epochs are used unless a column logged twice in one
    /// epoch (per-step training loss), then steps. Epochs counted from 0, as Keras and
    /// Lightning count them, are shifted to count completed epochs from 1, as
    /// `workbook train` does, so runs from different tools line up.
    static func fromCSV(_ table: CSVTable) throws -> RunLog {
        try CSVLogReader(table: table).read()
    }
}

/// Reads one CSV log; see `RunLog.fromCSV`.
private struct CSVLogReader {
    let table: CSVTable
    var file: String { table.file }

    func read() throws -> RunLog {
        let names = (table.header ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        let found = names.joined(separator: ", ")
        let epochColumn = names.firstIndex { $0.lowercased() == "epoch" }
        let stepColumn = names.firstIndex { ["step", "global_step"].contains($0.lowercased()) }
        guard epochColumn != nil || stepColumn != nil else {
            throw RunLogError("\(file): no epoch or step column (columns found: \(found)); "
                + "workbook plot needs a header row naming one of them")
        }
        guard !table.rows.isEmpty else { throw RunLogError("\(file): no data rows, nothing to plot (columns found: \(found))") }
        // Every cell as a number or a gap, checked once.
        var values = Array(repeating: [Double](), count: names.count)
        for (row, line) in zip(table.rows, table.lines) {
            for (column, field) in row.enumerated() {
                values[column].append(try number(field, line: line, column: column, name: names[column],
                                                 isAxis: column == epochColumn || column == stepColumn))
            }
        }
        let metricColumns = names.indices.filter { $0 != epochColumn && $0 != stepColumn }
            .filter { values[$0].contains { !$0.isNaN } }
        guard !metricColumns.isEmpty else {
            throw RunLogError("\(file): nothing to plot: no column besides \(names[epochColumn ?? stepColumn!]) holds a number (columns found: \(found))")
        }
        var axis = RunLog.Axis.epoch
        var xColumn = epochColumn ?? stepColumn!
        if let epochColumn, let stepColumn, metricColumns.contains(where: { loggedTwiceInOneEpoch(values[$0], epochs: values[epochColumn]) }) {
            axis = .step
            xColumn = stepColumn
        } else if epochColumn == nil {
            axis = .step
        }
        for (index, x) in values[xColumn].enumerated() where x.isNaN {
            throw RunLogError("\(file), line \(table.lines[index]), column \(xColumn + 1) (\(names[xColumn])): "
                + "an empty field; every row needs its \(names[xColumn])")
        }
        let shift = axis == .epoch && values[xColumn].min() == 0 ? 1.0 : 0.0
        let curves = metricColumns.map { column in
            let logged = values[column].indices.filter { !values[column][$0].isNaN || !isBlankGap(column: column, row: $0) }
            return RunLog.Curve(name: names[column], x: logged.map { values[xColumn][$0] + shift },
                                y: logged.map { values[column][$0] })
        }
        return RunLog(file: file, axis: axis, curves: curves)
    }

    /// A blank cell means "not logged on this row" (Lightning); `nan` or `NA` was logged as a gap.
    private func isBlankGap(column: Int, row: Int) -> Bool {
        table.rows[row][column].trimmingCharacters(in: .whitespaces).isEmpty
    }

    private func loggedTwiceInOneEpoch(_ values: [Double], epochs: [Double]) -> Bool {
        var seen = Set<Double>()
        for (value, epoch) in zip(values, epochs) where !value.isNaN {
            if !seen.insert(epoch).inserted { return true }
        }
        return false
    }

    private func number(_ field: String, line: Int, column: Int, name: String, isAxis: Bool) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        if let number = CSVTable.number(text), number.isFinite { return number }
        if !isAxis && RunLog.gapFields.contains(text.lowercased()) { return .nan }
        if isAxis && text.isEmpty { return .nan }
        throw RunLogError("\(file), line \(line), column \(column + 1) (\(name)): \"\(text)\" is not a number"
            + (isAxis ? "; expected the \(name) number" : "; expected a logged value, or an empty cell where none was logged"))
    }
}
