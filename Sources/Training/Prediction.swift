import CourseData
import CourseFiles
import Foundation
import RunLogs

/// `workbook predict`: a saved model (its standardization included) applied to
/// every row of a CSV file that has the model's features, with or without the
/// label column after them.
public struct Prediction {
    public let network: FastPerceptron
    public let standardization: Standardization?
    /// ŷ for every row, in file order.
    public let probabilities: [Double]
    /// The file's labels when it has a label column, else nil.
    public let labels: [Double]?

    /// The model's columns, when its file keeps them: predictions are then also
    /// written in the data's own labels.
    public let columns: DataColumns?

    /// Reads and checks both files; every error is a `TrainingInputError` naming
    /// the file, line and column or JSON path.
    ///
    /// When the model file names its columns and the data file has a header, the
    /// features are found by name (other columns, such as an id left out in training,
    /// are passed over) and the label column, if there, is read in the model's labels.
    /// Otherwise the file holds the features in order, with or without the label last.
    public init(model modelPath: String, data dataPath: String) throws {
        let modelFile: ModelFile
        (network, standardization, modelFile) = try TrainingSetup.readModelFile(modelPath)
        columns = modelFile.columns
        var features: [[Double]]
        if let columns, let named = try Self.namedColumns(columns, data: dataPath, model: modelPath) {
            (features, labels) = named
        } else {
            let table = try TrainingSetup.readTable(dataPath)
            let inputs = network.inputCount
            switch table.columnCount {
            case inputs:
                features = table.rows
                labels = nil
            case inputs + 1:
                let data = try TrainingSetup.dataSet(table, path: dataPath)
                features = data.features
                labels = data.labels
            default:
                throw TrainingInputError("\(dataPath) has \(table.columnCount) column\(table.columnCount == 1 ? "" : "s") but "
                    + "\(modelPath) takes \(inputs) feature\(inputs == 1 ? "" : "s"): give \(inputs) feature columns, "
                    + "or \(inputs + 1) with the label last")
            }
        }
        if let standardization { features = features.map(standardization.apply) }
        let network = self.network
        probabilities = network.probabilities(features)
    }

    /// The model's feature columns found by name in a data file with a header, and its
    /// labels when the label column is there; nil for a file without a header.
    static func namedColumns(_ columns: DataColumns, data path: String, model: String) throws -> ([[Double]], [Double]?)? {
        let table: CSVTable
        do {
            table = try CSVTable(contentsOf: URL(fileURLWithPath: path), file: path, headerRequired: false)
        } catch let error as DataFileError {
            throw TrainingInputError(error.description)
        }
        // A file whose header names none of the model's features is read by position, as before names were kept.
        guard let header = table.header, columns.features.contains(where: header.contains) else { return nil }
        let found = header.joined(separator: ", ")
        let featureIndices = try columns.features.map { name in
            guard let index = header.firstIndex(of: name) else {
                throw TrainingInputError("\(path) has no column \"\(name)\", which \(model) was trained on (columns found: \(found))")
            }
            return index
        }
        var features = Array(repeating: [Double](), count: table.rows.count)
        for index in featureIndices {
            for (row, fields) in table.rows.enumerated() {
                guard let value = CSVTable.number(fields[index]), value.isFinite else {
                    throw TrainingInputError("\(path), line \(table.lines[row]), column \(index + 1) (\(header[index])): "
                        + "\"\(fields[index])\" is not a finite number")
                }
                features[row].append(value)
            }
        }
        guard let labelIndex = header.firstIndex(of: columns.label) else { return (features, nil) }
        let labels = try table.rows.enumerated().map { row, fields -> Double in
            let text = fields[labelIndex].trimmingCharacters(in: .whitespaces)
            if let positive = columns.positive, let negative = columns.negative {
                if text == positive { return 1 }
                if text == negative { return 0 }
                throw TrainingInputError("\(path), line \(table.lines[row]), column \(labelIndex + 1) (\(columns.label)): "
                    + "the label is \"\(text)\", expected \(positive) or \(negative) as in \(model)")
            }
            guard let value = CSVTable.number(text), value == 0 || value == 1 else {
                throw TrainingInputError("\(path), line \(table.lines[row]), column \(labelIndex + 1) (\(columns.label)): "
                    + "the label is \"\(text)\", expected 0 or 1")
            }
            return value
        }
        return (features, labels)
    }

    /// The predicted classes: ŷ rounded at 0.5, as `workbook train` scores them.
    public var predictions: [Int] { probabilities.map(FastPerceptron.predictedClass) }

    /// The counts against the labels, when the file has them.
    public var confusion: ConfusionCounts? {
        labels.map { ConfusionCounts(predicted: predictions, actual: $0.map { Int($0) }) }
    }

    /// `probability,prediction` then one row per input row, each probability as
    /// the shortest decimal that reads back as the same double; when the model's
    /// labels were words, a third column `predicted_<label>` gives the prediction
    /// in them (`M`, `B`).
    public var csvText: String {
        let words = columns.flatMap { $0.positive == nil ? nil : $0 }
        var text = "probability,prediction" + (words.map { "," + RunFigure.csvField("predicted_" + $0.label) } ?? "") + "\n"
        for (probability, prediction) in zip(probabilities, predictions) {
            text += "\(probability),\(prediction)" + (words.map { "," + RunFigure.csvField($0.labelText(forClass: prediction)) } ?? "") + "\n"
        }
        return text
    }
}
