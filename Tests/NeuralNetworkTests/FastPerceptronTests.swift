import Foundation
import Testing
@testable import NeuralNetwork

/// The fast training path against the teaching path (`Perceptron.fit`), on
/// several shapes, activations, seeds, with and without shuffling.
///
/// Both compute the same formulas in the same order, and on Linux x86-64 they
/// agree to the last bit; the tests allow 1e-14 relative (a few ulps over the
/// run) so that a compiler that orders one operation differently elsewhere
/// does not fail them.
struct FastPerceptronTests {
    /// An activation the fast path does not know, to exercise its fallback.
    struct Softsign: Activation {
        var name: String { "softsign" }
        func callAsFunction(_ z: Double) -> Double { z / (1 + abs(z)) }
        func derivative(_ z: Double) -> Double { 1 / ((1 + abs(z)) * (1 + abs(z))) }
    }

    static let shapes: [(sizes: [Int], activations: [any Activation])] = [
        ([2, 6, 6, 1], [ReLU(), ReLU(), Sigmoid()]),
        ([2, 1], [Sigmoid()]),
        ([3, 4, 1], [Sigmoid(), Sigmoid()]),
        ([2, 8, 5, 3, 1], [ReLU(), Sigmoid(), ReLU(), Sigmoid()]),
        ([2, 5, 1], [Softsign(), Sigmoid()]),
    ]

    static let relativeTolerance = 1e-14

    @Test(arguments: 0..<shapes.count, [UInt32(10), 3, 2024])
    func fastPathMatchesTeachingPath(shapeIndex: Int, seed: UInt32) throws {
        let shape = Self.shapes[shapeIndex]
        let data = Self.data(featureCount: shape.sizes[0], count: 60, seed: seed)
        for shuffle in [true, false] {
            var teachingRandom = NumPyRandom(seed: seed)
            var teaching = Perceptron(sizes: shape.sizes, activations: shape.activations, generator: &teachingRandom)
            var fastRandom = teachingRandom
            var fast = FastPerceptron(teaching)

            let expected = try teaching.fit(data, epochs: 5, learningRate: 0.05, shuffle: shuffle,
                                            generator: &teachingRandom)
            let found = try fast.fit(data, epochs: 5, learningRate: 0.05, shuffle: shuffle,
                                     generator: &fastRandom)

            Self.expectClose(found, expected, "losses (shuffle \(shuffle))")
            for (index, (fastLayer, teachingLayer)) in zip(fast.network.layers, teaching.layers).enumerated() {
                Self.expectClose(fastLayer.weights.elements, teachingLayer.weights.elements,
                                 "layer \(index + 1) weights (shuffle \(shuffle))")
                Self.expectClose(fastLayer.biases.elements, teachingLayer.biases.elements,
                                 "layer \(index + 1) biases (shuffle \(shuffle))")
            }
            // Both paths must leave the generator where the other left it.
            #expect(fastRandom.nextUInt32() == teachingRandom.nextUInt32())
        }
    }

    @Test func fitFastUpdatesTheTeachingNetwork() throws {
        var random = NumPyRandom(seed: 10)
        var network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
        let before = network.layers[0].weights
        let losses = try network.fitFast(DataSet.generated(.moons, count: 50, seed: 1), epochs: 3,
                                         learningRate: 0.01, generator: &random)
        #expect(losses.count == 3)
        #expect(network.layers[0].weights != before)
        #expect(network.sizes == [2, 6, 6, 1])
    }

    @Test func conversionKeepsEveryNumber() {
        var random = NumPyRandom(seed: 5)
        let network = Perceptron(sizes: [3, 4, 2, 1], activations: [ReLU(), Sigmoid(), Sigmoid()], generator: &random)
        let back = FastPerceptron(network).network
        #expect(zip(back.layers, network.layers).allSatisfy {
            $0.weights == $1.weights && $0.biases == $1.biases && $0.activation.name == $1.activation.name
        })
    }

    @Test func saturationStopsBothPathsAtTheSameSample() {
        // One sigmoid neuron with huge weights: ŷ rounds to exactly 1 on the first sample.
        let network = Perceptron(layers: [Layer(weights: Matrix([[800, 800]]), biases: Matrix(column: [0]),
                                                activation: Sigmoid())])
        let data = DataSet(features: [[1, 1], [0, 0]], labels: [0, 1])
        var teaching = network, fast = FastPerceptron(network)
        var random1 = NumPyRandom(seed: 1), random2 = NumPyRandom(seed: 1)
        let expected = TrainingError.saturatedOutput(epoch: 1, sample: 0, prediction: 1)
        #expect(throws: expected) {
            try teaching.fit(data, epochs: 2, learningRate: 0.1, shuffle: false, generator: &random1)
        }
        #expect(throws: expected) {
            try fast.fit(data, epochs: 2, learningRate: 0.1, shuffle: false, generator: &random2)
        }
    }

    @Test func badSettingsThrowTheTeachingPathsErrors() {
        var random = NumPyRandom(seed: 1)
        var fast = FastPerceptron(Perceptron(sizes: [2, 1], activations: [Sigmoid()], generator: &random))
        let data = DataSet(features: [[1, 2]], labels: [1])
        #expect(throws: TrainingError.nonPositiveLearningRate(0)) {
            try fast.fit(data, epochs: 1, learningRate: 0, generator: &random)
        }
        #expect(throws: TrainingError.nonPositiveEpochs(0)) {
            try fast.fit(data, epochs: 0, learningRate: 0.1, generator: &random)
        }
        #expect(throws: TrainingError.featureCountMismatch(expected: 2, found: 3)) {
            try fast.fit(DataSet(features: [[1, 2, 3]], labels: [0]), epochs: 1, learningRate: 0.1, generator: &random)
        }
    }

    /// `count` samples with features in [−1.5, 1.5) and a label from their sum's sign.
    static func data(featureCount: Int, count: Int, seed: UInt32) -> DataSet {
        var random = NumPyRandom(seed: seed &+ 1000)
        let features = (0..<count).map { _ in (0..<featureCount).map { _ in random.uniform(-1.5, 1.5) } }
        let labels = features.map { row -> Double in row.reduce(0, +) + random.normal(deviation: 0.3) > 0 ? 1 : 0 }
        return DataSet(features: features, labels: labels)
    }

    static func expectClose(_ found: [Double], _ expected: [Double], _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
        let worst = zip(found, expected).map { a, b in a == b ? 0 : abs(a - b) / max(abs(a), abs(b)) }.max() ?? 0
        #expect(worst <= relativeTolerance, "\(what): relative difference \(worst)", sourceLocation: sourceLocation)
    }
}
