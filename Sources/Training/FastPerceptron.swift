import CourseData

/// The tool's own multilayer perceptron, laid out for fast training.
///
/// Every layer's W and b live in one contiguous array, and training uses buffers
/// made once per `fit`, so the per-sample loop allocates nothing. It computes
/// the course's formulas in the course's order (sequential sums starting from 0,
/// no fused multiply-add), so its losses and weights agree with the NumPy course
/// and with a correct `Perceptron.fit` to the last bit or so; the tests hold
/// them to each other.
///
/// This type does not know the learner's `Perceptron`: the tool never links the
/// learner's code. A chapter that wants to compare copies the weights across.
///
///     var random = NumPyRandom(seed: 10)
///     var network = FastPerceptron(sizes: [2, 6, 6, 1], activations: [.relu, .relu, .sigmoid],
///                                  generator: &random)
///     let losses = try network.fit(data, epochs: 10, learningRate: 0.01, generator: &random)
public struct FastPerceptron: Sendable, Equatable {
    /// One layer's parameters: W as one row per neuron (n_neurons × n_inputs),
    /// b as one entry per neuron, and its activation.
    public struct LayerParameters: Sendable, Equatable {
        public var weights: [[Double]]
        public var biases: [Double]
        public var activation: ActivationKind

        public init(weights: [[Double]], biases: [Double], activation: ActivationKind) {
            self.weights = weights
            self.biases = biases
            self.activation = activation
        }
    }

    /// Where one layer's numbers live in `parameters`.
    struct LayerLayout: Sendable, Equatable {
        let inputs: Int
        let neurons: Int
        let activation: ActivationKind
        /// Offset of W (neurons × inputs, row-major) in `parameters`.
        let weights: Int
        /// Offset of b (neurons) in `parameters`.
        let biases: Int
    }

    var layout: [LayerLayout]
    /// W₁, b₁, W₂, b₂, … one after the other.
    var parameters: [Double]

    /// A network with these layers; each layer's inputs must be the previous
    /// layer's neurons, and every row of W as long as the first.
    public init(layers: [LayerParameters]) {
        precondition(!layers.isEmpty, "a network needs at least one layer")
        var layout: [LayerLayout] = []
        var parameters: [Double] = []
        for layer in layers {
            let neurons = layer.weights.count, inputs = layer.weights.first?.count ?? 0
            precondition(neurons > 0 && inputs > 0 && layer.weights.allSatisfy { $0.count == inputs },
                         "W must be a non-empty rectangle, one row per neuron")
            precondition(layer.biases.count == neurons, "\(neurons) neurons need \(neurons) biases, got \(layer.biases.count)")
            if let previous = layout.last {
                precondition(previous.neurons == inputs,
                             "a layer of \(previous.neurons) neurons cannot feed one with \(inputs) inputs")
            }
            let weights = parameters.count
            parameters += layer.weights.joined()
            let biases = parameters.count
            parameters += layer.biases
            layout.append(LayerLayout(inputs: inputs, neurons: neurons, activation: layer.activation,
                                      weights: weights, biases: biases))
        }
        self.layout = layout
        self.parameters = parameters
    }

    /// The course's way to build a network: `sizes` = [inputs, hidden…, outputs],
    /// one activation per layer, and for each layer in turn
    /// `np.random.uniform(-1, 1, (neurons, inputs))` for W, then
    /// `np.random.uniform(-1, 1, (neurons, 1))` for b.
    public init(sizes: [Int], activations: [ActivationKind], generator: inout NumPyRandom) {
        precondition(sizes.count >= 2 && activations.count == sizes.count - 1,
                     "\(sizes.count) sizes make \(sizes.count - 1) layers, which need as many activations")
        var layers: [LayerParameters] = []
        for (index, activation) in activations.enumerated() {
            let (inputs, neurons) = (sizes[index], sizes[index + 1])
            let weights = generator.uniform(-1, 1, count: neurons * inputs)
            let biases = generator.uniform(-1, 1, count: neurons)
            layers.append(LayerParameters(
                weights: (0..<neurons).map { Array(weights[($0 * inputs)..<(($0 + 1) * inputs)]) },
                biases: biases, activation: activation))
        }
        self.init(layers: layers)
    }

    /// The layers with their current weights and biases.
    public var layers: [LayerParameters] {
        layout.map { layer in
            LayerParameters(
                weights: (0..<layer.neurons).map { row in
                    let start = layer.weights + row * layer.inputs
                    return Array(parameters[start..<(start + layer.inputs)])
                },
                biases: Array(parameters[layer.biases..<(layer.biases + layer.neurons)]),
                activation: layer.activation)
        }
    }

    /// [inputs, hidden…, outputs]
    public var sizes: [Int] { [layout[0].inputs] + layout.map(\.neurons) }

    /// The number of inputs the first layer takes.
    public var inputCount: Int { layout[0].inputs }

    /// `2→6→6→1 (relu, relu, sigmoid)`
    public var shapeDescription: String {
        sizes.map(String.init).joined(separator: "→") + " ("
            + layout.map(\.activation.rawValue).joined(separator: ", ") + ")"
    }

    /// ŷ for one sample (`features.count` = the input count): every layer's
    /// a = f(W·a_prev + b), summed in the same order as training.
    public func probability(_ features: [Double]) -> Double {
        precondition(features.count == inputCount, "the network takes \(inputCount) features, got \(features.count)")
        let width = max(inputCount, layout.map(\.neurons).max() ?? 0)
        // One sample at a time (a decision boundary asks for tens of thousands), so
        // the scratch space is on the stack: no allocation per call.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * width) { scratch in
            var a = scratch.baseAddress!, next = a + width
            a.initialize(from: features, count: inputCount)
            for layer in layout {
                for i in 0..<layer.neurons {
                    let row = layer.weights + i * layer.inputs
                    var sum = 0.0
                    for k in 0..<layer.inputs { sum += parameters[row + k] * a[k] }
                    next[i] = layer.activation(sum + parameters[layer.biases + i])
                }
                swap(&a, &next)
            }
            return a[0]
        }
    }

    /// ŷ for each sample in turn (each `inputCount` features long), through the
    /// forward pass training uses, in buffers made once for all the samples.
    public func probabilities(_ samples: [[Double]]) -> [Double] {
        let buffers = TrainingBuffers(layout: layout, parameters: parameters)
        return samples.map { features in
            precondition(features.count == inputCount, "the network takes \(inputCount) features, got \(features.count)")
            features.withUnsafeBufferPointer { buffers.forward(sample: $0.baseAddress!) }
            return buffers.output
        }
    }

    /// The predicted class, 1 when ŷ ≥ 0.5 and 0 otherwise (the course rounds at ½).
    public func predict(_ features: [Double]) -> Int {
        Self.predictedClass(probability(features))
    }

    /// `predict` for each sample in turn.
    public func predictions(_ samples: [[Double]]) -> [Int] {
        probabilities(samples).map(Self.predictedClass)
    }

    /// 1 when ŷ ≥ 0.5, else 0.
    public static func predictedClass(_ probability: Double) -> Int {
        probability >= 0.5 ? 1 : 0
    }
}
