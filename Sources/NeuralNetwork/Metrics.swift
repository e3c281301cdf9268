import CourseData

/// Counts of a binary classifier's predictions against the true labels, and the
/// scores computed from them. Class 1 is the positive class.
public struct ConfusionMatrix: Equatable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts each (predicted, actual) pair; both arrays hold 0s and 1s.
    public init(predicted: [Int], actual: [Int]) {
        precondition(predicted.count == actual.count, "need one prediction per label")
        // Exercise 9.1: ConfusionMatrix counts
        // BEGIN SOLUTION
        for (p, a) in zip(predicted, actual) {
            switch (p, a) {
            case (1, 1): truePositives += 1
            case (1, _): falsePositives += 1
            case (_, 1): falseNegatives += 1
            default: trueNegatives += 1
            }
        }
        // END SOLUTION
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// (TP + TN) / all
    public var accuracy: Double {
        // Exercise 9.2: accuracy
        // BEGIN SOLUTION
        ratio(truePositives + trueNegatives, total)
        // END SOLUTION
    }

    /// TP / (TP + FP): of the samples called positive, the share that are.
    public var precision: Double {
        // Exercise 9.3: precision
        // BEGIN SOLUTION
        ratio(truePositives, truePositives + falsePositives)
        // END SOLUTION
    }

    /// TP / (TP + FN): of the positive samples, the share found.
    public var recall: Double {
        // Exercise 9.4: recall
        // BEGIN SOLUTION
        ratio(truePositives, truePositives + falseNegatives)
        // END SOLUTION
    }

    /// 2·precision·recall / (precision + recall), the harmonic mean of the two.
    public var f1: Double {
        // Exercise 9.5: F1 score
        // BEGIN SOLUTION
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        // END SOLUTION
    }

    /// part / whole, and 0 when whole is 0 (as scikit-learn reports by default).
    private func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}

extension Perceptron {
    /// The confusion matrix of this network's predictions on `data`.
    public func confusionMatrix(on data: DataSet) -> ConfusionMatrix {
        ConfusionMatrix(predicted: data.features.map(predict), actual: data.labels.map { Int($0) })
    }
}
