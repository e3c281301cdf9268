import Testing
import CourseData
@testable import NeuralNetwork

struct LayerTests {
    /// One sigmoid neuron with two inputs, worked by hand:
    /// W = [0.5, −1], b = 0.25, a_prev = [2, 1] → z = 0.25, a = σ(0.25).
    /// With da = 1: dz = σ′(0.25), dW = dz·[2, 1], da_prev = Wᵀ·dz = [0.5, −1]·dz
    /// (W before the update), and W, b move by −α·dW, −α·db.
    @Test func oneBackwardStepByHand() {
        var layer = Layer(weights: Matrix([[0.5, -1]]), biases: Matrix(column: [0.25]), activation: Sigmoid())
        let a = layer.forward(Matrix(column: [2, 1]))
        let s = 1 / (1 + Foundation.exp(-0.25))
        #expect(abs(a.scalar - s) < 1e-15)
        #expect(layer.input == Matrix(column: [2, 1]))
        #expect(layer.weightedSums == Matrix(column: [0.25]))

        let dz = s * (1 - s)
        let daPrev = layer.backward(Matrix(column: [1]), learningRate: 0.1)
        #expect(daPrev.shape == (2, 1))
        #expect(abs(daPrev.elements[0] - 0.5 * dz) < 1e-15)
        #expect(abs(daPrev.elements[1] - -1 * dz) < 1e-15)
        #expect(abs(layer.weights[0, 0] - (0.5 - 0.1 * dz * 2)) < 1e-15)
        #expect(abs(layer.weights[0, 1] - (-1 - 0.1 * dz * 1)) < 1e-15)
        #expect(abs(layer.biases[0, 0] - (0.25 - 0.1 * dz)) < 1e-15)
    }

    /// The course's 2→6→6→1 network after `np.random.seed(10)`: the first
    /// layer's weights are NumPy's first twelve draws, its biases the next six.
    @Test func seededNetworkStartsFromNumPysWeights() {
        var random = NumPyRandom(seed: 10)
        let network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
        #expect(network.sizes == [2, 6, 6, 1])
        #expect(network.layers[0].weights.shape == (6, 2))
        #expect(network.layers[0].biases.shape == (6, 1))
        #expect(Array(network.layers[0].weights.elements.prefix(4))
            == [0.542641286533492, -0.958496101281197, 0.26729646985255084, 0.4976077650772237])
        let all = network.layers.flatMap { $0.weights.elements + $0.biases.elements }
        #expect(all.allSatisfy { (-1..<1).contains($0) })
    }

    @Test func reluAndSigmoidDerivativesAtChosenPoints() {
        #expect(ReLU().derivative([-2, -1e-9, 1e-9, 3]) == [0, 0, 1, 1])
        #expect(ReLU()(Matrix(column: [-1, 2])) == Matrix(column: [0, 2]))
        #expect(Sigmoid()(0) == 0.5)
        #expect(Sigmoid().derivative(0) == 0.25)
        // σ′(2) = σ(2)(1 − σ(2)) with σ(2) = 0.8807970779778823 (NumPy: 1/(1+np.exp(-2))).
        #expect(abs(Sigmoid().derivative(2) - 0.8807970779778823 * (1 - 0.8807970779778823)) < 1e-16)
    }

    @Test func matrixOperationsReadLikeTheFormulas() {
        let w = Matrix([[1, 2], [3, 4], [5, 6]])
        let a = Matrix(column: [1, -1])
        #expect(w * a == Matrix(column: [-1, -1, -1]))
        #expect(w.transposed == Matrix([[1, 3, 5], [2, 4, 6]]))
        #expect(w.transposed * Matrix(column: [1, 0, 1]) == Matrix(column: [6, 8]))
        #expect(Matrix(column: [1, 2]) ⊙ Matrix(column: [3, 4]) == Matrix(column: [3, 8]))
        #expect(Matrix(column: [1, 2]) * Matrix(column: [3, 4]).transposed == Matrix([[3, 4], [6, 8]]))
    }
}

import Foundation
