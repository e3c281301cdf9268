/// The receiver operating characteristic of scores against 0/1 labels: for every
/// threshold t, the share of class-1 samples with score ≥ t (true positive rate)
/// against the share of class-0 samples with score ≥ t (false positive rate),
/// from (0, 0) to (1, 1), as scikit-learn's `roc_curve` (with every threshold kept).
///
/// Equal scores move both rates in one step, so ties draw a diagonal; the area
/// under the curve (trapezoids) then equals the probability that a random class-1
/// sample scores above a random class-0 one, ties counting one half.
public struct ROCCurve: Equatable, Sendable {
    public let falsePositiveRates: [Double]
    public let truePositiveRates: [Double]
    /// The area under the curve, in [0, 1]; 0.5 is chance.
    public let area: Double

    /// Nil when either class is missing: a rate would divide by zero.
    public init?(scores: [Double], labels: [Double]) {
        precondition(scores.count == labels.count, "need one score per label")
        let positives = labels.filter { $0 == 1 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var fpr = [0.0], tpr = [0.0]
        var truePositives = 0, falsePositives = 0
        var index = 0
        while index < order.count {
            let score = scores[order[index]]
            while index < order.count && scores[order[index]] == score {
                if labels[order[index]] == 1 { truePositives += 1 } else { falsePositives += 1 }
                index += 1
            }
            fpr.append(Double(falsePositives) / Double(negatives))
            tpr.append(Double(truePositives) / Double(positives))
        }
        var area = 0.0
        for i in 1..<fpr.count { area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2 }
        falsePositiveRates = fpr
        truePositiveRates = tpr
        self.area = area
    }
}
