import CourseData
import Foundation

/// One training run's logged numbers, as `workbook plot` draws them: named
/// columns of values, each value with the epoch and the step it was logged at.
///
/// Read from `workbook train --losses` JSON (or any JSON object of number
/// arrays, such as Keras' `history.history` saved with `json.dump`), a Hugging Face
/// `trainer_state.json`, a Keras `CSVLogger` file, a PyTorch Lightning `metrics.csv`,
/// or any CSV or tab-separated log with a header and an `epoch` or `step` column.
/// Which columns are drawn, and against epochs or steps, is decided when they are
/// chosen (`chosen(_:)`), since a per-step column needs steps and an epoch-level one
/// reads best against epochs. Every error is a `RunLogError` that names the file and
/// the line and column, or the columns found.
public struct RunLog: Sendable, Equatable {
    /// What the x axis counts.
    public enum Axis: String, Sendable {
        case epoch, step
    }

    /// One logged quantity: its values in the order logged, each with its epoch and its
    /// step (NaN where the row had none). A value that is NaN was logged as not a number
    /// (`nan`, `NA`, JSON null): a gap in the line.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var epochs: [Double]
        public var steps: [Double]
        public var values: [Double]
        /// The row each value was logged on (from 0), for telling restarts apart.
        public var rows: [Int]

        public init(name: String, epochs: [Double], steps: [Double], values: [Double], rows: [Int]? = nil) {
            self.name = name
            self.epochs = epochs
            self.steps = steps
            self.values = values
            self.rows = rows ?? Array(values.indices)
        }
    }

    /// One drawn quantity: its values against the chosen axis, in order.
    public struct Curve: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]

        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    /// The file as the user named it.
    public var file: String
    public var columns: [Column]
    /// Epochs counted from 0 (Keras, Lightning) are shown counting completed epochs
    /// from 1, as `workbook train` counts them: 1 for those, 0 otherwise.
    public var epochShift: Double
    /// The rows (from 0) where the run restarted (`segments`): an appended log's next run.
    public var restarts: [Int]
    /// Which run of an appended log this is (from 1), nil for a log read whole.
    public var segment: Int?
    /// What the reader should know about how the file was read (a record cut short, a
    /// step logged twice), one line each.
    public var notes: [String] = []

    public init(file: String, columns: [Column], epochShift: Double = 0, restarts: [Int] = []) {
        self.file = file
        self.columns = columns
        self.epochShift = epochShift
        self.restarts = restarts
    }

    /// Reads `path`: TensorBoard's events when it is a folder or an `events.out.tfevents.*`
    /// file, JSON when the file starts with `{` or `[`, else CSV, or tab-separated when its
    /// first line holds tabs and no comma.
    public static func read(_ path: String) throws -> RunLog {
        if isTensorBoard(path) { return try fromTensorBoard(path) }
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw RunLogError("\(path): " + (exists ? "cannot be read" : "no such file"))
        }
        let firstByte = data.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") { return try fromJSON(Array(data), file: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw RunLogError("\(path): is not UTF-8 text") }
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let separator = firstLine.contains(UInt8(ascii: "\t")) && !firstLine.contains(UInt8(ascii: ","))
            ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        do {
            return try fromCSV(text, file: path, separator: separator)
        } catch let error as DataFileError {
            throw RunLogError(error.description)
        }
    }

    /// What a run draws: its curves against one axis, and what the reader should know.
    public struct Selection: Sendable, Equatable {
        public var axis: Axis
        public var curves: [Curve]
    }

    /// Whether `--metric` left unset draws this column: its name holds "loss" in any
    /// case, and not "delta", "grad" or "lr" (Spinning Up's `DeltaLossPi`, a gradient
    /// norm, a learning rate are not losses).
    public static func isDefaultLoss(_ name: String) -> Bool {
        let name = name.lowercased()
        return name.contains("loss") && !["delta", "grad", "lr"].contains { name.contains($0) }
    }

    /// The names of the columns drawn when `--metric` is not given: every loss, but a
    /// Lightning `X_step` column when its `X_epoch` twin is there (logged with both
    /// `on_step` and `on_epoch`, the epoch-level one is what a figure of epochs shows).
    public var defaultNames: [String] {
        let names = columns.filter { $0.values.contains { !$0.isNaN } }.map(\.name)
        return names.filter(Self.isDefaultLoss).filter { name in
            !(name.hasSuffix("_step") && names.contains(String(name.dropLast(5)) + "_epoch"))
        }
    }

    /// The curves `--metric` names, in the order named, or by default every loss
    /// (`defaultNames`), against epochs when each chosen column is logged at most once
    /// an epoch on rows that give the epoch, against steps otherwise. Throws naming the
    /// file and the columns it has.
    public func chosen(_ metrics: [String]) throws -> Selection {
        let logged = columns.filter { $0.values.contains { !$0.isNaN } }
        let found = logged.map(\.name).joined(separator: ", ")
        let names: [String]
        if metrics.isEmpty {
            names = defaultNames
            guard !names.isEmpty else {
                throw RunLogError("\(file): no loss column to draw by default (columns found: \(found)); "
                    + "choose one with --metric, e.g. --metric \(logged.first?.name ?? "NAME")")
            }
        } else {
            names = metrics
        }
        let chosen = try names.map { name in
            guard let column = logged.first(where: { $0.name == name }) else {
                throw RunLogError("\(file): no column \"\(name)\" for --metric (columns found: \(found))")
            }
            return column
        }
        let byEpoch = chosen.allSatisfy { column in
            let epochs = column.epochs.filter { !$0.isNaN }
            return !epochs.isEmpty && Set(epochs).count == epochs.count
        }
        let hasSteps = chosen.allSatisfy { column in column.steps.contains { !$0.isNaN } }
        let axis: Axis = byEpoch || !hasSteps ? .epoch : .step
        let curves = chosen.map { column in
            let xs = axis == .epoch ? column.epochs.map { $0 + epochShift } : column.steps
            let kept = xs.indices.filter { !xs[$0].isNaN }
            return Curve(name: column.name, x: kept.map { xs[$0] }, y: kept.map { column.values[$0] })
        }
        if let empty = curves.first(where: { $0.x.isEmpty }) {
            throw RunLogError("\(file): \(empty.name) is never logged with an \(axis.rawValue), so it cannot be drawn")
        }
        return Selection(axis: axis, curves: curves)
    }

    /// The run's segments: the log itself, or, when it restarted (an appended log), one
    /// log per run in it, each from its own first row.
    public var segments: [RunLog] {
        guard !restarts.isEmpty else { return [self] }
        let bounds = [0] + restarts + [Int.max]
        return (0..<(bounds.count - 1)).map { index in
            let range = bounds[index]..<bounds[index + 1]
            let columns = self.columns.map { column in
                let kept = column.rows.indices.filter { range.contains(column.rows[$0]) }
                return Column(name: column.name, epochs: kept.map { column.epochs[$0] }, steps: kept.map { column.steps[$0] },
                              values: kept.map { column.values[$0] }, rows: kept.map { column.rows[$0] })
            }
            let epochs = columns.flatMap(\.epochs).filter { !$0.isNaN }
            var segment = RunLog(file: file, columns: columns.filter { !$0.values.isEmpty },
                                 epochShift: epochs.min() == 0 ? 1 : 0)
            segment.segment = index + 1
            if index == 0 { segment.notes = notes }
            return segment
        }
    }

    /// The log moved along by `epochs` and `steps`: a later segment made to follow the one before.
    public func shifted(epochs: Double, steps: Double) -> RunLog {
        var log = self
        for index in log.columns.indices {
            log.columns[index].epochs = log.columns[index].epochs.map { $0 + epochs }
            log.columns[index].steps = log.columns[index].steps.map { $0 + steps }
        }
        return log
    }

    /// The last epoch (as shown) and the last step logged, NaN when there are none.
    public var lastEpochAndStep: (epoch: Double, step: Double) {
        let epochs = columns.flatMap(\.epochs).filter { !$0.isNaN }
        let steps = columns.flatMap(\.steps).filter { !$0.isNaN }
        return ((epochs.max() ?? .nan) + epochShift, steps.max() ?? .nan)
    }
}

extension RunLog.Selection {
    /// Where a curve stops being a number for good (every value from there on NaN, after
    /// at least one number): the x at which it diverged.
    public static func divergence(of curve: RunLog.Curve) -> Double? {
        guard let lastNumber = curve.y.lastIndex(where: { !$0.isNaN }), lastNumber + 1 < curve.y.count else { return nil }
        return curve.x[lastNumber + 1]
    }

    /// One line per curve that logged values that are not numbers (`nan`, `inf`, `NA`, a
    /// JSON null): gaps in its line, and whoever reads the figure should know why the line
    /// breaks off. "run.csv: val_loss is not a number at epoch 7, drawn as a gap". Curves
    /// that end in them diverged there, one line for each place: "run.csv: loss, val_loss
    /// diverged at epoch 219 (not a number from there on)".
    public func gapNotes(file: String) -> [String] {
        var notes: [String] = []
        var diverged: [(x: Double, names: [String])] = []
        for curve in curves {
            let divergence = Self.divergence(of: curve)
            let end = divergence.flatMap { x in curve.x.firstIndex(of: x) } ?? curve.y.count
            let places = zip(curve.x.prefix(end), curve.y.prefix(end)).filter { $0.1.isNaN }.map { Self.format($0.0) }
            if !places.isEmpty {
                let listed = places.prefix(5).joined(separator: ", ") + (places.count > 5 ? " and \(places.count - 5) more" : "")
                notes.append("\(file): \(curve.name) is not a number at \(axis.rawValue)\(places.count == 1 ? "" : "s") \(listed), drawn as a gap")
            }
            if let divergence {
                if let index = diverged.firstIndex(where: { $0.x == divergence }) {
                    diverged[index].names.append(curve.name)
                } else {
                    diverged.append((divergence, [curve.name]))
                }
            }
        }
        return notes + diverged.map { place in
            "\(file): \(place.names.joined(separator: ", ")) diverged at \(axis.rawValue) \(Self.format(place.x)) (not a number from there on)"
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

extension RunLog.Curve {
    /// Logged on held-out data: `val_loss`, `val/loss`, `validation_loss`, `held_out_losses`,
    /// `test_loss`, `eval_loss`, `validation/epoch_loss`, `Loss/val`.
    public var isValidation: Bool {
        let name = name.lowercased()
        // A word of its own anywhere: `validation/epoch_loss` (Keras' folder for TensorBoard),
        // `Loss/val`, `loss_eval`; not `interval`.
        let words = name.split { !($0.isLetter || $0.isNumber) }
        return ["val", "valid", "validation", "held_out", "heldout", "test", "eval"].contains { prefix in
            name.hasPrefix(prefix + "_") || name.hasPrefix(prefix + "/") || name.hasPrefix(prefix + "-")
        } || words.contains { ["val", "valid", "validation", "eval", "test", "heldout"].contains(String($0)) }
    }

    /// Scores where more is better (accuracy, AUC, F1, precision, recall); losses and errors are lower-is-better.
    public var higherIsBetter: Bool {
        let name = name.lowercased()
        return ["acc", "auc", "f1", "precision", "recall", "iou", "dice"].contains { name.contains($0) }
    }

    /// The quantity without its part: `val_loss`, `train_loss` and `loss` are all `loss`,
    /// `held_out_losses` and `losses` too, so a run's training and validation curves pair up.
    public var quantity: String {
        var name = name.lowercased()
        for prefix in ["validation", "held_out", "heldout", "training", "train", "valid", "test", "eval", "val"] {
            for separator in ["_", "/", "-"] where name.hasPrefix(prefix + separator) {
                name = String(name.dropFirst(prefix.count + 1))
            }
        }
        for suffix in ["_epoch", "_step"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        // Keras' TensorBoard callback: `epoch_loss` is the loss.
        if name.hasPrefix("epoch_") { name = String(name.dropFirst(6)) }
        // TensorBoard tags name the part last: `Loss/train`, `Loss/val`.
        for part in ["validation", "training", "train", "valid", "test", "eval", "val"] {
            for separator in ["_", "/", "-"] where name.hasSuffix(separator + part) && name.count > part.count + 1 {
                name = String(name.dropLast(part.count + 1))
            }
        }
        return name == "losses" ? "loss" : name
    }

    /// The position of the best finite value (the first on a tie), nil when there is none.
    public var bestIndex: Int? {
        let finite = y.indices.filter { y[$0].isFinite }
        return higherIsBetter ? finite.max { y[$0] < y[$1] || (y[$0] == y[$1] && $0 > $1) }
            : finite.min { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
    }
}
