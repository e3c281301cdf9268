import CourseData
import Foundation

/// One training run's logged numbers, as `workbook plot` draws them: named
/// curves against a shared count of epochs or steps.
///
/// Read from `workbook train --losses` JSON (or any JSON object of number
/// arrays, such as Keras' `history.history` saved with `json.dump`), a Keras
/// `CSVLogger` file, a PyTorch Lightning `metrics.csv`, or any CSV with a header
/// and an `epoch` or `step` column. Every error is a `RunLogError` that
/// names the file and the line and column, or the columns found.
public struct RunLog: Sendable, Equatable {
    /// What the x axis counts.
    public enum Axis: String, Sendable {
        case epoch, step
    }

    /// One logged quantity: its values at the logged epochs or steps, in order.
    /// A value that is NaN was logged as not a number (`nan`, `NA`): a gap in the line.
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
    public var axis: Axis
    public var curves: [Curve]

    /// One line per curve that logged values that are not numbers (`nan`, `inf`,
    /// `NA`, a JSON null): they are gaps in its line, and whoever reads the figure
    /// should know why the line breaks off. "run.csv: val_loss is not a number at
    /// epoch 7, drawn as a gap".
    public var gapNotes: [String] {
        curves.compactMap { curve in
            let places = zip(curve.x, curve.y).filter { $0.1.isNaN }
                .map { $0.0 == $0.0.rounded() ? String(Int($0.0)) : "\($0.0)" }
            guard !places.isEmpty else { return nil }
            let listed = places.prefix(5).joined(separator: ", ") + (places.count > 5 ? " and \(places.count - 5) more" : "")
            return "\(file): \(curve.name) is not a number at \(axis.rawValue)\(places.count == 1 ? "" : "s") \(listed), drawn as a gap"
        }
    }

    public init(file: String, axis: Axis, curves: [Curve]) {
        self.file = file
        self.axis = axis
        self.curves = curves
    }

    /// Reads `path`: a JSON object when the file starts with `{`, CSV otherwise.
    public static func read(_ path: String) throws -> RunLog {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw RunLogError("\(path): " + (exists ? "cannot be read" : "no such file"))
        }
        let firstByte = data.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
        if firstByte == UInt8(ascii: "{") { return try fromJSON(Array(data), file: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw RunLogError("\(path): is not UTF-8 text") }
        do {
            return try fromCSV(try CSVTable(csv: text, file: path))
        } catch let error as DataFileError {
            throw RunLogError(error.description)
        }
    }

    /// The curves `--metric` names, in the order named, or by default every
    /// curve whose name holds "loss". Throws naming the file and the curves it has.
    public func curves(named metrics: [String]) throws -> [Curve] {
        let found = curves.map(\.name).joined(separator: ", ")
        guard !metrics.isEmpty else {
            let losses = curves.filter { $0.name.lowercased().contains("loss") }
            guard !losses.isEmpty else {
                throw RunLogError("\(file): no loss column to draw by default (columns found: \(found)); "
                    + "choose one with --metric, e.g. --metric \(curves[0].name)")
            }
            return losses
        }
        return try metrics.map { metric in
            guard let curve = curves.first(where: { $0.name == metric }) else {
                throw RunLogError("\(file): no column \"\(metric)\" for --metric (columns found: \(found))")
            }
            return curve
        }
    }
}

extension RunLog.Curve {
    /// Logged on held-out data: `val_loss`, `val/loss`, `validation_loss`, `held_out_losses`, `test_loss`.
    public var isValidation: Bool {
        let name = name.lowercased()
        return ["val", "valid", "validation", "held_out", "heldout", "test", "eval"].contains { prefix in
            name.hasPrefix(prefix + "_") || name.hasPrefix(prefix + "/") || name.hasPrefix(prefix + "-")
        } || name == "val" || name.hasSuffix("_val")
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
        return name == "losses" ? "loss" : name
    }

    /// The position of the best finite value (the first on a tie), nil when there is none.
    public var bestIndex: Int? {
        let finite = y.indices.filter { y[$0].isFinite }
        return higherIsBetter ? finite.max { y[$0] < y[$1] || (y[$0] == y[$1] && $0 > $1) }
            : finite.min { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
    }
}
