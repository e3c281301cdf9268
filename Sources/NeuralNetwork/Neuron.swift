import CourseData

/// One artificial neuron: a weighted sum of its inputs plus a bias, passed
/// through the sigmoid, σ(w·x + b).
public struct Neuron: Sendable {
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// A neuron with `inputs` weights and a bias drawn uniformly from [−1, 1),
    /// weights first, as `np.random.uniform(-1, 1, n)` then `np.random.uniform(-1, 1)`.
    public init(inputs: Int, generator: inout NumPyRandom) {
        weights = (0..<inputs).map { _ in generator.uniform(-1, 1) }
        bias = generator.uniform(-1, 1)
    }

    /// The weighted sum z = w·x + b, summed in order.
    public func weightedSum(_ x: [Double]) -> Double {
        precondition(x.count == weights.count,
                     "this neuron takes \(weights.count) inputs, got \(x.count)")
        // Exercise 1.1: Neuron.weightedSum
        // BEGIN SOLUTION
        var z = 0.0
        for (w, xi) in zip(weights, x) { z += w * xi }
        return z + bias
        // END SOLUTION
    }

    /// The neuron's output σ(w·x + b), a number in (0, 1).
    public func callAsFunction(_ x: [Double]) -> Double {
        Sigmoid()(weightedSum(x))
    }
}
