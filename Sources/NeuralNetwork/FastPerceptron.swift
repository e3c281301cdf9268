/// The same network as `Perceptron`, laid out for fast training.
///
/// `Perceptron` and `Layer` are written to be read: every step makes new
/// matrices, which is clear but spends most of its time allocating memory. This
/// type keeps every layer's W and b in one contiguous array and trains with
/// buffers made once per `fit`, so the per-sample loop allocates nothing.
///
/// It computes the course's formulas in the same order as `Layer.forward` and
/// `Layer.backward` (sequential sums starting from 0, no fused multiply-add), so
/// its losses and weights agree with `Perceptron.fit` to the last bit or so; the
/// tests hold the two paths to each other.
///
///     var fast = FastPerceptron(network)
///     let losses = try fast.fit(data, epochs: 10, learningRate: 0.01, generator: &random)
///     network = fast.network
public struct FastPerceptron: Sendable {
    /// The activations the fast path computes inline; any other `Activation`
    /// is called through its protocol.
    enum Kind: Sendable { case relu, sigmoid, other }

    /// Where one layer's numbers live in the flat arrays.
    struct LayerLayout: Sendable {
        let inputs: Int
        let neurons: Int
        let kind: Kind
        /// Offset of W (neurons × inputs, row-major) in `parameters`.
        let weights: Int
        /// Offset of b (neurons) in `parameters`.
        let biases: Int
    }

    var layout: [LayerLayout]
    /// W₁, b₁, W₂, b₂, … one after the other.
    var parameters: [Double]
    /// The layers' activations, kept to rebuild the teaching network and for `.other`.
    let activations: [any Activation]

    /// The network's layers copied into the flat layout.
    public init(_ network: Perceptron) {
        precondition(!network.layers.isEmpty, "a network needs at least one layer")
        var layout: [LayerLayout] = []
        var parameters: [Double] = []
        for layer in network.layers {
            let kind: Kind = switch layer.activation {
            case is ReLU: .relu
            case is Sigmoid: .sigmoid
            default: .other
            }
            let weights = parameters.count
            parameters += layer.weights.elements
            let biases = parameters.count
            parameters += layer.biases.elements
            layout.append(LayerLayout(inputs: layer.inputCount, neurons: layer.neuronCount, kind: kind,
                                      weights: weights, biases: biases))
        }
        self.layout = layout
        self.parameters = parameters
        self.activations = network.layers.map(\.activation)
    }

    /// The teaching network with this network's current weights and biases.
    public var network: Perceptron {
        Perceptron(layers: zip(layout, activations).map { layer, activation in
            let weights = Array(parameters[layer.weights..<(layer.weights + layer.neurons * layer.inputs)])
            let biases = Array(parameters[layer.biases..<(layer.biases + layer.neurons)])
            return Layer(weights: Matrix(rows: layer.neurons, columns: layer.inputs, elements: weights),
                         biases: Matrix(column: biases), activation: activation)
        })
    }

    /// [inputs, hidden…, outputs]
    public var sizes: [Int] { [layout[0].inputs] + layout.map(\.neurons) }
}
