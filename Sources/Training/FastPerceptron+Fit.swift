import CourseData
import Foundation

extension FastPerceptron {
    /// What one training run gives: each epoch's average loss, the held-out
    /// part's average loss after each epoch, and how many samples took the
    /// logit's stable formulas because ŷ rounded to exactly 0 or 1.
    public struct FitResult: Sendable, Equatable {
        /// The average binary cross-entropy of every epoch, epoch 1 first.
        public var losses: [Double]
        /// The average binary cross-entropy of the held-out rows after every
        /// epoch, epoch 1 first; empty when no held-out rows were given.
        public var heldOutLosses: [Double] = []
        /// Samples (counted over all epochs) whose ŷ was exactly 0 or 1.
        public var saturatedSamples: Int
    }

    /// Trains as the course's `Perceptron.fit` does: per-sample SGD on the
    /// binary cross-entropy, each epoch reordering the samples by
    /// `generator.permutation(n)` (applied to the last epoch's order) when
    /// `shuffle` is on. Returns each epoch's average loss; `progress` hears
    /// (epoch, average loss) after every epoch.
    ///
    /// Where ŷ is exactly 0 or 1 the course's formulas are infinite; this
    /// engine then takes the loss and gradient from the logit (see
    /// `train(_:epochs:learningRate:shuffle:generator:progress:)`), so training
    /// goes on. Throws the settings errors of `TrainingError`, and
    /// `TrainingDivergence` when a loss or a weight stops being finite.
    public mutating func fit(
        _ data: DataSet, epochs: Int, learningRate: Double,
        shuffle: Bool = true, generator: inout NumPyRandom,
        progress: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
    ) throws -> [Double] {
        try train(data, epochs: epochs, learningRate: learningRate, shuffle: shuffle,
                  generator: &generator) { epoch, loss, _ in progress(epoch, loss) }.losses
    }

    /// `fit`, also counting the saturated samples and, when `heldOut` holds rows,
    /// measuring their average loss after every epoch with the weights as the
    /// epoch left them. Measuring only runs the network forward: it changes no
    /// weight and draws nothing from `generator`, so the training numbers are
    /// the same with or without it. `progress` hears (epoch, training loss,
    /// held-out loss or nil).
    ///
    /// For every sample with 0 < ŷ < 1 this computes the course's formulas in
    /// the course's order: L = −log ŷ or −log(1 − ŷ), da = (ŷ − y)/(ŷ(1 − ŷ)),
    /// then dz = da·σ′(z) at the output; the numbers equal the course's NumPy run.
    /// Where ŷ rounded to exactly 0 or 1 those are ∞ and 0/0, so the sample's
    /// loss and gradient come from the output's logit z instead, the form
    /// TensorFlow's `sigmoid_cross_entropy_with_logits` documents:
    /// L = max(z, 0) − z·y + log(1 + e^(−|z|)) (with `log1p`), ∂L/∂z = ŷ − y.
    /// They are the course's loss and gradient rewritten in z (σ(z) = ŷ, and
    /// da·σ′(z) = ŷ − y), finite for every finite z.
    ///
    /// - Throws: `TrainingError` for settings training cannot use; `TrainingDivergence`
    ///   when, after an epoch, its average loss or any weight or bias is not finite.
    public mutating func train(
        _ data: DataSet, epochs: Int, learningRate: Double,
        shuffle: Bool = true, generator: inout NumPyRandom, heldOut: DataSet? = nil,
        progress: (_ epoch: Int, _ loss: Double, _ heldOutLoss: Double?) -> Void = { _, _, _ in }
    ) throws -> FitResult {
        try TrainingError.checkSettings(data, inputCount: layout[0].inputs, epochs: epochs, learningRate: learningRate)
        precondition(layout[layout.count - 1].neurons == 1, "the loss needs a single output ŷ")
        let sigmoidOutput = layout[layout.count - 1].activation == .sigmoid

        let buffers = TrainingBuffers(layout: layout, parameters: parameters)
        // Whatever ends the run, the network keeps the weights it had reached, as the
        // teaching path's layers do when `fit` throws.
        defer { parameters = buffers.parameters }
        let featureCount = data.featureCount
        // The samples row after row, and `order[i]`, the row that comes i-th this epoch:
        // shuffling reorders indices instead of copying samples.
        precondition(data.features.allSatisfy { $0.count == featureCount }, "every sample needs \(featureCount) features")
        let features = data.features.flatMap { $0 }
        let labels = data.labels
        var order = Array(0..<data.count)
        var losses: [Double] = []
        losses.reserveCapacity(epochs)
        var saturated = 0
        let heldOut = heldOut.flatMap { $0.count > 0 ? $0 : nil }
        if let heldOut {
            precondition(heldOut.features.allSatisfy { $0.count == featureCount }, "every held-out sample needs \(featureCount) features")
        }
        let heldOutFeatures = heldOut?.features.flatMap { $0 } ?? []
        var heldOutLosses: [Double] = []

        for epoch in 1...epochs {
            if shuffle {
                // X = X[perm]: sample i becomes the one at perm[i] of the current order.
                let permutation = generator.permutation(order.count)
                order = permutation.map { order[$0] }
            }
            var totalLoss = 0.0
            try features.withUnsafeBufferPointer { features in
                for index in 0..<order.count {
                    let sample = order[index]
                    let x = features.baseAddress! + sample * featureCount
                    buffers.forward(sample: x)
                    let yHat = buffers.output
                    let y = labels[sample]
                    if yHat > 0 && yHat < 1 {
                        totalLoss += Self.loss(label: y, prediction: yHat)
                        // da = (ŷ − y) / (ŷ(1 − ŷ)), the course's ∂L/∂ŷ.
                        buffers.backward(sample: x, outputGradient: (yHat - y) / (yHat * (1 - yHat)),
                                         learningRate: learningRate)
                    } else if sigmoidOutput && yHat == yHat {
                        saturated += 1
                        let z = buffers.outputLogit
                        totalLoss += Self.logitLoss(label: y, logit: z)
                        buffers.backward(sample: x, outputGradient: yHat - y, learningRate: learningRate,
                                         gradientIsForLogit: true)
                    } else {
                        // NaN, or not a sigmoid (a network built in code): nothing stable to fall back on.
                        if yHat.isNaN { throw TrainingDivergence(epoch: epoch, learningRate: learningRate) }
                        try TrainingError.checkUnsaturated(yHat, epoch: epoch, sample: index)
                    }
                }
            }
            parameters = buffers.parameters
            let average = totalLoss / Double(order.count)
            // The weights and biases only: the buffers' z, a and da of the last sample may
            // hold an off ReLU neuron's z = −∞, which training takes as 0 like any z ≤ 0.
            guard average.isFinite, parameters.allSatisfy(\.isFinite) else {
                throw TrainingDivergence(epoch: epoch, learningRate: learningRate)
            }
            losses.append(average)
            var heldOutLoss: Double?
            if let heldOut {
                let loss = Self.averageLoss(of: buffers, features: heldOutFeatures, labels: heldOut.labels,
                                            featureCount: featureCount, sigmoidOutput: sigmoidOutput)
                heldOutLosses.append(loss)
                heldOutLoss = loss
            }
            progress(epoch, average, heldOutLoss)
        }
        return FitResult(losses: losses, heldOutLosses: heldOutLosses, saturatedSamples: saturated)
    }
}

extension FastPerceptron {
    /// The average loss of `labels.count` samples under the buffers' current
    /// weights: forward passes only, the same loss as training takes (the
    /// course's formula, or the logit's where ŷ rounded to 0 or 1).
    static func averageLoss(of buffers: TrainingBuffers, features: [Double], labels: [Double],
                            featureCount: Int, sigmoidOutput: Bool) -> Double {
        var total = 0.0
        features.withUnsafeBufferPointer { features in
            for sample in labels.indices {
                buffers.forward(sample: features.baseAddress! + sample * featureCount)
                let yHat = buffers.output
                if yHat > 0 && yHat < 1 || !sigmoidOutput {
                    total += loss(label: labels[sample], prediction: yHat)
                } else {
                    total += logitLoss(label: labels[sample], logit: buffers.outputLogit)
                }
            }
        }
        return total / Double(labels.count)
    }

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

    /// The same loss written in the logit z (ŷ = σ(z)): max(z, 0) − z·y + log(1 + e^(−|z|)).
    /// Finite for every finite z, so it serves where ŷ rounded to 0 or 1.
    static func logitLoss(label y: Double, logit z: Double) -> Double {
        max(z, 0) - z * y + log1p(exp(-abs(z)))
    }
}

/// Training that ran away: after `epoch`, a loss, weight or bias was no longer
/// a finite number. Nothing non-finite is ever written to a file.
public struct TrainingDivergence: Error, Equatable, CustomStringConvertible {
    public let epoch: Int
    public let learningRate: Double

    public var description: String {
        "training diverged at epoch \(epoch): the loss or a weight is no longer a finite number; "
            + "try a smaller learning rate than \(learningRate) (or --standardize to scale the inputs)"
    }
}
