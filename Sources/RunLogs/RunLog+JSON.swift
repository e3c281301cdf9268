import Foundation

extension RunLog {
    /// A JSON object whose arrays of numbers are curves, one value per epoch from 1:
    /// `{"losses": [...], "held_out_losses": [...]}` as `workbook train --losses` writes
    /// it, or Keras' `history.history` (`{"loss": [...], "val_loss": [...]}`). `null` is a gap;
    /// keys whose value is not an array are left alone. A Hugging Face `trainer_state.json`
    /// (an object with `log_history`) is read by `fromTrainerState`.
    static func fromJSON(_ bytes: [UInt8], file: String) throws -> RunLog {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch let error as JSONSyntaxError {
            throw RunLogError("\(file), line \(error.line), column \(error.column): \(error.problem)")
        }
        if case .array(let points) = document { return try fromTensorBoardJSON(points, file: file) }
        guard case .object(let members) = document else {
            throw RunLogError("\(file): expected a JSON object such as {\"losses\": [...]}, found \(document.kind)")
        }
        if let history = members.first(where: { $0.key == "log_history" })?.value {
            return try fromTrainerState(history, file: file)
        }
        if members.contains(where: { ["global_step", "best_model_checkpoint", "trial_name"].contains($0.key) }) {
            throw RunLogError("\(file): a Hugging Face trainer_state.json without log_history: nothing to plot "
                + "(keys found: \(members.map(\.key).joined(separator: ", ")))")
        }
        var columns: [Column] = []
        for (key, value) in members {
            guard case .array(let elements) = value else { continue }
            let y = try elements.enumerated().map { index, element -> Double in
                switch element {
                case .number(let number, _): return number
                case .null: return .nan
                default: throw RunLogError("\(file): \(key)[\(index)]: expected a number, found \(element.kind)")
                }
            }
            guard !y.isEmpty else { continue }
            columns.append(Column(name: key, epochs: y.indices.map { Double($0 + 1) },
                                  steps: Array(repeating: .nan, count: y.count), values: y))
        }
        guard !columns.isEmpty else {
            let keys = members.map(\.key).joined(separator: ", ")
            throw RunLogError("\(file): nothing to plot: no key holds an array of numbers (keys found: \(keys.isEmpty ? "none" : keys))")
        }
        return RunLog(file: file, columns: columns)
    }

    /// TensorBoard's "Download JSON": `[[wall_time, step, value], …]`, one tag's values,
    /// named after the file.
    static func fromTensorBoardJSON(_ points: [JSONValue], file: String) throws -> RunLog {
        var steps: [Double] = [], values: [Double] = []
        for (index, point) in points.enumerated() {
            guard case .array(let fields) = point, fields.count == 3 else {
                throw RunLogError("\(file): [\(index)]: expected [wall_time, step, value] as TensorBoard downloads a scalar, found \(point.kind)")
            }
            var numbers: [Double] = []
            for (position, field) in fields.enumerated() {
                switch field {
                case .number(let number, _): numbers.append(number)
                case .null where position == 2: numbers.append(.nan)
                default: throw RunLogError("\(file): [\(index)][\(position)]: expected a number, found \(field.kind)")
                }
            }
            steps.append(numbers[1])
            values.append(numbers[2])
        }
        guard !values.isEmpty else { throw RunLogError("\(file): an empty array, nothing to plot") }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return RunLog(file: file, columns: [Column(name: name, epochs: steps.map { _ in .nan }, steps: steps, values: values)])
    }

    /// Hugging Face `Trainer`'s `trainer_state.json`: `log_history` holds one object per
    /// log event, each with its `step` and (fractional) `epoch`: training entries
    /// (`loss`, `grad_norm`, `learning_rate`), evaluation entries (`eval_loss`, `eval_…`)
    /// and, last, a summary of the whole run (`train_loss`, `train_runtime`, `total_flos`),
    /// which is not a point of any curve and is left out. Every value is drawn against
    /// steps, since the epochs are fractions (rounded to two decimals in older files).
    static func fromTrainerState(_ history: JSONValue, file: String) throws -> RunLog {
        guard case .array(let entries) = history else {
            throw RunLogError("\(file): log_history: expected an array of log entries, found \(history.kind)")
        }
        var columns: [Column] = []
        var index: [String: Int] = [:]
        for (row, entry) in entries.enumerated() {
            guard case .object(let members) = entry else {
                throw RunLogError("\(file): log_history[\(row)]: expected an object, found \(entry.kind)")
            }
            if members.contains(where: { $0.key == "train_runtime" }) { continue }
            func number(_ key: String) throws -> Double? {
                guard let value = members.first(where: { $0.key == key })?.value else { return nil }
                switch value {
                case .number(let number, _): return number
                case .null: return .nan
                default: throw RunLogError("\(file): log_history[\(row)].\(key): expected a number, found \(value.kind)")
                }
            }
            guard let step = try number("step"), step.isFinite else {
                throw RunLogError("\(file): log_history[\(row)]: no step; every entry of log_history needs its step")
            }
            for (key, value) in members where key != "step" && key != "epoch" {
                guard case .number = value else { continue }
                guard let y = try number(key) else { continue }
                if index[key] == nil {
                    index[key] = columns.count
                    columns.append(Column(name: key, epochs: [], steps: [], values: [], rows: []))
                }
                columns[index[key]!].epochs.append(.nan)
                columns[index[key]!].steps.append(step)
                columns[index[key]!].values.append(y)
                columns[index[key]!].rows.append(row)
            }
        }
        guard !columns.isEmpty else {
            throw RunLogError("\(file): log_history holds no logged number, nothing to plot")
        }
        return RunLog(file: file, columns: columns)
    }
}
