import CourseData

/// The tool's count of a binary classifier's predictions against the true
/// labels, and the scores from them; class 1 is the positive class.
///
/// The learner writes their own `ConfusionMatrix` in chapter 9; the tool keeps
/// this one so that `workbook train` reports scores whatever the learner's code
/// does. A score whose denominator is 0 is 0, as scikit-learn reports by default.
public struct ConfusionCounts: Equatable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    /// Counts each (predicted, actual) pair of 0s and 1s.
    public init(predicted: [Int], actual: [Int]) {
        precondition(predicted.count == actual.count, "need one prediction per label")
        for (p, a) in zip(predicted, actual) {
            switch (p, a) {
            case (1, 1): truePositives += 1
            case (1, _): falsePositives += 1
            case (_, 1): falseNegatives += 1
            default: trueNegatives += 1
            }
        }
    }

    /// The counts of `network`'s predictions on `data`.
    public init(_ network: FastPerceptron, on data: DataSet) {
        self.init(predicted: network.predictions(data.features), actual: data.labels.map { Int($0) })
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
    /// (TP + TN) / all
    public var accuracy: Double { ratio(truePositives + trueNegatives, total) }
    /// TP / (TP + FP)
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN)
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// 2·precision·recall / (precision + recall)
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    private func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}
