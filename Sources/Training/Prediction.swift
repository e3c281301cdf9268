import CourseData
import Foundation

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

    /// Reads and checks both files; every error is a `TrainingInputError` naming
    /// the file, line and column or JSON path.
    public init(model modelPath: String, data dataPath: String) throws {
        (network, standardization) = try TrainingSetup.readModel(modelPath)
        let table = try TrainingSetup.readTable(dataPath)
        let inputs = network.inputCount
        var features: [[Double]]
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
        if let standardization { features = features.map(standardization.apply) }
        let network = self.network
        probabilities = network.probabilities(features)
    }

    /// The predicted classes: ŷ rounded at 0.5, as `workbook train` scores them.
    public var predictions: [Int] { probabilities.map(FastPerceptron.predictedClass) }

    /// The counts against the labels, when the file has them.
    public var confusion: ConfusionCounts? {
        labels.map { ConfusionCounts(predicted: predictions, actual: $0.map { Int($0) }) }
    }

    /// `probability,prediction` then one row per input row, each probability as
    /// the shortest decimal that reads back as the same double.
    public var csvText: String {
        var text = "probability,prediction\n"
        for (probability, prediction) in zip(probabilities, predictions) {
            text += "\(probability),\(prediction)\n"
        }
        return text
    }
}
