import CourseData
import Foundation

extension FastPerceptron {
    /// Trains as the course's `Perceptron.fit` does: per-sample SGD on the
    /// binary cross-entropy, each epoch reordering the samples by
    /// `generator.permutation(n)` (applied to the last epoch's order) when
    /// `shuffle` is on. Returns each epoch's average loss; `progress` hears
    /// (epoch, average loss) after every epoch.
    ///
    /// Throws the `TrainingError`s of the course's `fit`, including
    /// `saturatedOutput` when ŷ reaches exactly 0 or 1.
    public mutating func fit(
        _ data: DataSet, epochs: Int, learningRate: Double,
        shuffle: Bool = true, generator: inout NumPyRandom,
        progress: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
    ) throws -> [Double] {
        try TrainingError.checkSettings(data, inputCount: layout[0].inputs, epochs: epochs, learningRate: learningRate)
        precondition(layout[layout.count - 1].neurons == 1, "the loss needs a single output ŷ")

        let buffers = TrainingBuffers(layout: layout)
        let featureCount = data.featureCount
        // The samples row after row, and `order[i]`, the row that comes i-th this epoch:
        // shuffling reorders indices instead of copying samples.
        precondition(data.features.allSatisfy { $0.count == featureCount }, "every sample needs \(featureCount) features")
        let features = data.features.flatMap { $0 }
        let labels = data.labels
        var order = Array(0..<data.count)
        var losses: [Double] = []
        losses.reserveCapacity(epochs)

        for epoch in 1...epochs {
            if shuffle {
                // X = X[perm]: sample i becomes the one at perm[i] of the current order.
                let permutation = generator.permutation(order.count)
                order = permutation.map { order[$0] }
            }
            var totalLoss = 0.0
            try parameters.withUnsafeMutableBufferPointer { parameters in
                let p = parameters.baseAddress!
                try features.withUnsafeBufferPointer { features in
                    for index in 0..<order.count {
                        let sample = order[index]
                        buffers.input.update(from: features.baseAddress! + sample * featureCount,
                                             count: featureCount)
                        buffers.forward(p)
                        let yHat = buffers.output
                        let y = labels[sample]
                        try TrainingError.checkUnsaturated(yHat, epoch: epoch, sample: index)
                        totalLoss += Self.loss(label: y, prediction: yHat)
                        // da = (ŷ − y) / (ŷ(1 − ŷ)), the course's ∂L/∂ŷ.
                        buffers.backward(p, outputGradient: (yHat - y) / (yHat * (1 - yHat)),
                                         learningRate: learningRate)
                    }
                }
            }
            losses.append(totalLoss / Double(order.count))
            progress(epoch, losses[losses.count - 1])
        }
        return losses
    }
}

extension FastPerceptron {
    /// L = −(y·log ŷ + (1 − y)·log(1 − ŷ)), the course's loss, with one
    /// logarithm instead of two for the labels 0 and 1: with 0 < ŷ < 1 both
    /// logarithms are finite and non-zero, so the term multiplied by 0 adds
    /// exactly nothing and the result is the same double.
    @inline(__always)
    static func loss(label y: Double, prediction yHat: Double) -> Double {
        switch y {
        case 1: -log(yHat)
        case 0: -log(1 - yHat)
        default: -(y * log(yHat) + (1 - y) * log(1 - yHat))
        }
    }
}
