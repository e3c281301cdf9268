import CourseData

/// A multilayer perceptron: layers applied one after the other, trained one
/// sample at a time by stochastic gradient descent on the binary cross-entropy.
public struct Perceptron: Sendable {
    public var layers: [Layer]

    public init(layers: [Layer]) {
        for (before, after) in zip(layers, layers.dropFirst()) {
            precondition(before.neuronCount == after.inputCount,
                         "a layer of \(before.neuronCount) neurons cannot feed one with \(after.inputCount) inputs")
        }
        self.layers = layers
    }

    /// The course's way to build a network: `sizes` = [inputs, hidden…, outputs]
    /// and one activation per layer, drawn layer by layer from `generator`.
    ///
    ///     var random = NumPyRandom(seed: 10)
    ///     let network = Perceptron(sizes: [2, 6, 6, 1],
    ///                              activations: [ReLU(), ReLU(), Sigmoid()],
    ///                              generator: &random)
    public init(sizes: [Int], activations: [any Activation], generator: inout NumPyRandom) {
        precondition(sizes.count >= 2, "a network needs at least an input size and an output size")
        precondition(activations.count == sizes.count - 1,
                     "\(sizes.count - 1) layers need \(sizes.count - 1) activations, got \(activations.count)")
        var layers: [Layer] = []
        for (index, activation) in activations.enumerated() {
            layers.append(Layer(inputs: sizes[index], neurons: sizes[index + 1],
                                activation: activation, generator: &generator))
        }
        self.init(layers: layers)
    }

    /// [inputs, hidden…, outputs]
    public var sizes: [Int] { [layers.first?.inputCount ?? 0] + layers.map(\.neuronCount) }

    /// Runs x (n_inputs × 1) through every layer; each layer keeps what its
    /// backward pass needs.
    public mutating func forward(_ x: Matrix) -> Matrix {
        // Exercise 4.2: Perceptron.forward
        // BEGIN SOLUTION
        var a = x
        for index in layers.indices {
            a = layers[index].forward(a)
        }
        return a
        // END SOLUTION
    }

    /// Backpropagation through the whole network, after `forward` on one sample.
    ///
    /// Starts from da^n = ∂L/∂ŷ for the label y and the prediction ŷ that
    /// `forward` returned, and hands it to the last layer's `backward`; each
    /// layer's da_prev is the da of the layer before, down to the first. Every
    /// layer takes its gradient step with the learning rate α on the way.
    public mutating func backward(label y: Double, prediction yHat: Double, learningRate: Double) {
        // Exercise 7.2: Perceptron.backward
        // BEGIN SOLUTION
        var da = Matrix(column: [binaryCrossEntropyGradient(label: y, prediction: yHat)])
        for layer in layers.indices.reversed() {
            da = layers[layer].backward(da, learningRate: learningRate)
        }
        // END SOLUTION
    }

    /// ŷ for one sample, without changing the network: `forward` on a copy.
    public func probability(_ features: [Double]) -> Double {
        var copy = self
        return copy.forward(Matrix(column: features)).scalar
    }

    /// The predicted class, 1 when ŷ ≥ 0.5 and 0 otherwise.
    public func predict(_ features: [Double]) -> Int {
        probability(features) >= 0.5 ? 1 : 0
    }

    /// Trains on `data` for `epochs` epochs and returns each epoch's average loss.
    ///
    /// Per-sample stochastic gradient descent as the course trains, shuffling
    /// with `generator` each epoch when `shuffle` is on; chapter 8 explains the
    /// steps and the order of the draws. `progress` hears (epoch, average loss)
    /// after every epoch.
    public mutating func fit(
        _ data: DataSet, epochs: Int, learningRate: Double,
        shuffle: Bool = true, generator: inout NumPyRandom,
        progress: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
    ) throws -> [Double] {
        try TrainingError.checkSettings(data, inputCount: layers[0].inputCount, epochs: epochs, learningRate: learningRate)

        // Exercise 8.1: Perceptron.fit
        // BEGIN SOLUTION
        var samples = data
        var losses: [Double] = []
        for epoch in 1...epochs {
            if shuffle {
                samples = samples.reordered(by: generator.permutation(samples.count))
            }
            var totalLoss = 0.0
            for index in 0..<samples.count {
                let yHat = forward(Matrix(column: samples.features[index])).scalar
                let y = samples.labels[index]
                try TrainingError.checkUnsaturated(yHat, epoch: epoch, sample: index)
                totalLoss += binaryCrossEntropy(label: y, prediction: yHat)
                backward(label: y, prediction: yHat, learningRate: learningRate)
            }
            losses.append(totalLoss / Double(samples.count))
            progress(epoch, losses[losses.count - 1])
        }
        return losses
        // END SOLUTION
    }
}
