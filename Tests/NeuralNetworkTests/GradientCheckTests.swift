import Testing
import CourseData
@testable import NeuralNetwork

/// `Layer.backward` against central finite differences of the loss, on random
/// networks of several shapes and activations.
///
/// The analytic gradient is read off the update: a backward pass with learning
/// rate α = 1 leaves W − dW, so dW = W_before − W_after. Numerically, the
/// five-point central difference
/// ∂L/∂w ≈ (L(w − 2h) − 8L(w − h) + 8L(w + h) − L(w + 2h)) / 12h with h = 1e-4
/// has a truncation error of order h⁴ and a rounding error of about 1e-16/h,
/// both far below the 1e-6 relative tolerance for gradients above 1e-6.
struct GradientCheckTests {
    static let shapes: [(sizes: [Int], activations: [any Activation])] = [
        ([2, 3, 1], [ReLU(), Sigmoid()]),
        ([3, 4, 1], [Sigmoid(), Sigmoid()]),
        ([2, 6, 6, 1], [ReLU(), ReLU(), Sigmoid()]),
        ([4, 5, 3, 2, 1], [Sigmoid(), ReLU(), ReLU(), Sigmoid()]),
    ]

    @Test(arguments: 0..<shapes.count, [UInt32(1), 7, 10])
    func backwardMatchesFiniteDifferences(shapeIndex: Int, seed: UInt32) throws {
        let shape = Self.shapes[shapeIndex]
        var random = NumPyRandom(seed: seed)
        let network = Perceptron(sizes: shape.sizes, activations: shape.activations, generator: &random)
        let x = (0..<shape.sizes[0]).map { _ in random.uniform(-2, 2) }
        let y: Double = random.nextDouble() < 0.5 ? 0 : 1

        let analytic = Self.analyticGradients(network, x: x, y: y)
        for layer in network.layers.indices {
            for index in network.layers[layer].weights.elements.indices {
                let numeric = Self.centralDifference { step in
                    var moved = network
                    moved.layers[layer].weights.elements[index] += step
                    return Self.loss(moved, x, y)
                }
                try Self.expectClose(analytic.weights[layer].elements[index], numeric,
                                     "dW of layer \(layer + 1), entry \(index)")
            }
            for index in network.layers[layer].biases.elements.indices {
                let numeric = Self.centralDifference { step in
                    var moved = network
                    moved.layers[layer].biases.elements[index] += step
                    return Self.loss(moved, x, y)
                }
                try Self.expectClose(analytic.biases[layer].elements[index], numeric,
                                     "db of layer \(layer + 1), entry \(index)")
            }
        }
        // The gradient handed back past the first layer is ∂L/∂x.
        for index in x.indices {
            let numeric = Self.centralDifference { step in
                var moved = x
                moved[index] += step
                return Self.loss(network, moved, y)
            }
            try Self.expectClose(analytic.input.elements[index], numeric, "∂L/∂x[\(index)]")
        }
    }

    static func centralDifference(h: Double = 1e-4, _ loss: (Double) -> Double) -> Double {
        (loss(-2 * h) - 8 * loss(-h) + 8 * loss(h) - loss(2 * h)) / (12 * h)
    }

    static func loss(_ network: Perceptron, _ x: [Double], _ y: Double) -> Double {
        binaryCrossEntropy(label: y, prediction: network.probability(x))
    }

    static func analyticGradients(_ network: Perceptron, x: [Double], y: Double)
        -> (weights: [Matrix], biases: [Matrix], input: Matrix)
    {
        var trained = network
        let yHat = trained.forward(Matrix(column: x)).scalar
        var da = Matrix(column: [binaryCrossEntropyGradient(label: y, prediction: yHat)])
        for layer in trained.layers.indices.reversed() {
            da = trained.layers[layer].backward(da, learningRate: 1)
        }
        let weights = zip(network.layers, trained.layers).map { $0.weights - $1.weights }
        let biases = zip(network.layers, trained.layers).map { $0.biases - $1.biases }
        return (weights, biases, da)
    }

    /// Relative agreement to 1e-6, with a floor so gradients that are zero
    /// (a ReLU switched off) compare absolutely.
    static func expectClose(_ analytic: Double, _ numeric: Double, _ what: String) throws {
        let scale = max(abs(analytic), abs(numeric), 1e-6)
        #expect(abs(analytic - numeric) / scale < 1e-6, "\(what): backward gives \(analytic), finite differences \(numeric)")
    }
}
