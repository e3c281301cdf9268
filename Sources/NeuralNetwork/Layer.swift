import CourseData

/// A fully connected layer: n_neurons neurons that each see all n_inputs inputs.
///
/// Forward, it computes z = W·a_prev + b and a = f(z), and remembers a_prev and z
/// because the backward pass needs both. Backward, it turns the gradient of the
/// loss with respect to its output, da, into the gradient for the layer before,
/// and takes one gradient-descent step on W and b.
public struct Layer: Sendable {
    /// W, n_neurons × n_inputs: row i holds neuron i's weights.
    public var weights: Matrix
    /// b, n_neurons × 1.
    public var biases: Matrix
    /// f, applied element by element to z.
    public let activation: any Activation

    /// a_prev from the last forward pass (n_inputs × 1).
    public private(set) var input: Matrix
    /// z from the last forward pass (n_neurons × 1).
    public private(set) var weightedSums: Matrix

    public var inputCount: Int { weights.columns }
    public var neuronCount: Int { weights.rows }

    public init(weights: Matrix, biases: Matrix, activation: any Activation) {
        precondition(biases.rows == weights.rows && biases.columns == 1, Self.shapeMismatch(weights, biases))
        self.weights = weights
        self.biases = biases
        self.activation = activation
        self.input = Matrix(rows: weights.columns, columns: 1)
        self.weightedSums = Matrix(rows: weights.rows, columns: 1)
    }

    /// Which matrix is off, and how: W is neurons × inputs, b is neurons × 1.
    private static func shapeMismatch(_ weights: Matrix, _ biases: Matrix) -> String {
        let shapes = "W is \(weights.rows)×\(weights.columns) and b is \(biases.rows)×\(biases.columns)"
        if biases.columns != 1 {
            return "\(shapes): b must be a column, neurons × 1"
        }
        if biases.rows == weights.columns {
            return "\(shapes): W looks transposed; it must be neurons × inputs, \(weights.columns)×\(weights.rows)"
        }
        return "\(shapes): W must be neurons × inputs and b neurons × 1, one row per neuron in both"
    }

    /// A layer with weights and biases drawn uniformly from [−1, 1), weights first:
    /// `np.random.uniform(-1, 1, (neurons, inputs))`, then `(neurons, 1)`.
    public init(inputs: Int, neurons: Int, activation: any Activation, generator: inout NumPyRandom) {
        // Exercise 3.1: Layer(inputs:neurons:activation:generator:)
        // BEGIN SOLUTION
        let weights = generator.uniform(-1, 1, rows: neurons, columns: inputs)
        let biases = generator.uniform(-1, 1, rows: neurons, columns: 1)
        self.init(weights: weights, biases: biases, activation: activation)
        // END SOLUTION
    }

    /// a = f(W·a_prev + b), keeping a_prev and z for `backward`.
    public mutating func forward(_ aPrev: Matrix) -> Matrix {
        // Exercise 4.1: Layer.forward
        // BEGIN SOLUTION
        input = aPrev
        weightedSums = weights * aPrev + biases
        return activation(weightedSums)
        // END SOLUTION
    }

    /// One step of backpropagation through this layer.
    ///
    /// Given da = ∂L/∂a for this layer's output, it computes
    ///
    ///     dz      = da ⊙ f′(z)
    ///     dW      = dz · a_prevᵀ
    ///     db      = dz
    ///     da_prev = Wᵀ · dz        (with W as it was before the update)
    ///
    /// then updates W −= α·dW and b −= α·db, and returns da_prev.
    public mutating func backward(_ da: Matrix, learningRate: Double) -> Matrix {
        precondition(da.shape == (neuronCount, 1),
                     "this layer has \(neuronCount) neurons, so its da must be \(neuronCount)×1, got "
                     + "\(da.rows)×\(da.columns): is each layer given the da_prev of the layer after it, last layer first?")
        // Exercise 7.1: Layer.backward
        // BEGIN SOLUTION
        let dz = da ⊙ activation.derivative(weightedSums)
        let dW = dz * input.transposed
        let db = dz
        let daPrev = weights.transposed * dz
        weights -= learningRate * dW
        biases -= learningRate * db
        return daPrev
        // END SOLUTION
    }
}
