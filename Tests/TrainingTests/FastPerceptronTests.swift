import CourseData
import Foundation
import NeuralNetwork
import Testing
@testable import Training

/// The tool's engine (`FastPerceptron`) against the teaching path (the
/// reference `Perceptron.fit`), on several shapes, activations, seeds, with and
/// without shuffling. This is the one place that links both: the tool itself
/// never links the learner's module.
///
/// Both compute the same formulas in the same order, and on Linux x86-64 they
/// agree to the last bit; the tests allow 1e-14 relative (a few ulps over the
/// run) so that a compiler that orders one operation differently elsewhere
/// does not fail them.
struct FastPerceptronTests {
    static let shapes: [(sizes: [Int], activations: [ActivationKind])] = [
        ([2, 6, 6, 1], [.relu, .relu, .sigmoid]),
        ([2, 1], [.sigmoid]),
        ([3, 4, 1], [.sigmoid, .sigmoid]),
        ([2, 8, 5, 3, 1], [.relu, .sigmoid, .relu, .sigmoid]),
        ([4, 5, 1], [.relu, .sigmoid]),
        // Wider than one block of eight neurons: the engine's general loops.
        ([3, 20, 9, 1], [.relu, .relu, .sigmoid]),
        ([12, 16, 8, 1], [.relu, .relu, .sigmoid]),
        ([5, 17, 1], [.sigmoid, .sigmoid]),
        // A ReLU layer of one neuron, which is sometimes inactive.
        ([3, 1, 4, 1], [.relu, .relu, .sigmoid]),
        ([2, 3, 1, 1], [.sigmoid, .relu, .sigmoid]),
    ]

    /// The teaching activation of the same name.
    static func teachingActivation(_ kind: ActivationKind) -> any Activation {
        switch kind {
        case .relu: ReLU()
        case .sigmoid: Sigmoid()
        }
    }

    /// The teaching network's numbers, as the engine's layers.
    static func parameters(of network: Perceptron) -> [FastPerceptron.LayerParameters] {
        network.layers.map {
            FastPerceptron.LayerParameters(weights: $0.weights.rowArrays, biases: $0.biases.elements,
                                           activation: ActivationKind(named: $0.activation.name)!)
        }
    }

    static let relativeTolerance = 1e-14

    @Test(arguments: 0..<shapes.count, [UInt32(10), 3, 2024])
    func fastPathMatchesTeachingPath(shapeIndex: Int, seed: UInt32) throws {
        let shape = Self.shapes[shapeIndex]
        let data = Self.data(featureCount: shape.sizes[0], count: 60, seed: seed)
        for shuffle in [true, false] {
            var teachingRandom = NumPyRandom(seed: seed)
            var teaching = Perceptron(sizes: shape.sizes, activations: shape.activations.map(Self.teachingActivation),
                                      generator: &teachingRandom)
            var fastRandom = NumPyRandom(seed: seed)
            var fast = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &fastRandom)
            // Both draw the course's starting weights from the same generator.
            #expect(fast.layers == Self.parameters(of: teaching))

            let expected = try teaching.fit(data, epochs: 5, learningRate: 0.05, shuffle: shuffle,
                                            generator: &teachingRandom)
            let found = try fast.fit(data, epochs: 5, learningRate: 0.05, shuffle: shuffle,
                                     generator: &fastRandom)

            Self.expectClose(found, expected, "losses (shuffle \(shuffle))")
            for (index, (fastLayer, teachingLayer)) in zip(fast.layers, teaching.layers).enumerated() {
                Self.expectClose(Array(fastLayer.weights.joined()), teachingLayer.weights.elements,
                                 "layer \(index + 1) weights (shuffle \(shuffle))")
                Self.expectClose(fastLayer.biases, teachingLayer.biases.elements,
                                 "layer \(index + 1) biases (shuffle \(shuffle))")
            }
            // Both paths must leave the generator where the other left it.
            #expect(fastRandom.nextUInt32() == teachingRandom.nextUInt32())
        }
    }

    @Test(arguments: 0..<shapes.count)
    func probabilityMatchesTheTeachingForwardPass(shapeIndex: Int) {
        let shape = Self.shapes[shapeIndex]
        var random = NumPyRandom(seed: 7)
        let teaching = Perceptron(sizes: shape.sizes, activations: shape.activations.map(Self.teachingActivation),
                                  generator: &random)
        let fast = FastPerceptron(layers: Self.parameters(of: teaching))
        let samples = Self.data(featureCount: shape.sizes[0], count: 20, seed: 7).features
        for features in samples {
            // The same sums in the same order: the same double.
            #expect(fast.probability(features) == teaching.probability(features))
        }
        // Many at once, through the training buffers' forward pass: the same doubles.
        #expect(fast.probabilities(samples) == samples.map(teaching.probability))
    }

    @Test func layersRoundTripEveryNumber() {
        var random = NumPyRandom(seed: 5)
        let network = FastPerceptron(sizes: [3, 4, 2, 1], activations: [.relu, .sigmoid, .sigmoid], generator: &random)
        #expect(FastPerceptron(layers: network.layers) == network)
        #expect(network.sizes == [3, 4, 2, 1])
        #expect(network.shapeDescription == "3→4→2→1 (relu, sigmoid, sigmoid)")
    }

    @Test func saturationStopsTheTeachingPathAndTheEngineTakesTheLogit() throws {
        // One sigmoid neuron with huge weights: ŷ rounds to exactly 1 on the first sample.
        var teaching = Perceptron(layers: [Layer(weights: Matrix([[800, 800]]), biases: Matrix(column: [0]),
                                                 activation: Sigmoid())])
        var fast = FastPerceptron(layers: [.init(weights: [[800, 800]], biases: [0], activation: .sigmoid)])
        let data = DataSet(features: [[1, 1], [0, 0]], labels: [0, 1])
        var random1 = NumPyRandom(seed: 1), random2 = NumPyRandom(seed: 1)
        #expect(throws: TrainingError.saturatedOutput(epoch: 1, sample: 0, prediction: 1)) {
            try teaching.fit(data, epochs: 2, learningRate: 0.1, shuffle: false, generator: &random1)
        }
        // By hand, α = 0.1, file order. Epoch 1: row (1, 1), y = 0: z = 1600, ŷ = 1, so
        // L = max(z, 0) − z·y + log(1 + e^(−|z|)) = 1600 and ∂L/∂z = ŷ − y = 1:
        // w = 800 − 0.1 = 799.9 (both), b = −0.1. Row (0, 0), y = 1: z = −0.1,
        // L = −log σ(−0.1) = log(1 + e^0.1).
        let result = try fast.train(data, epochs: 2, learningRate: 0.1, shuffle: false, generator: &random2)
        let firstEpoch = (1600 + log(1 + exp(0.1))) / 2
        #expect(abs(result.losses[0] - firstEpoch) <= 1e-12 * firstEpoch)
        #expect(result.losses.allSatisfy { $0.isFinite })
        #expect(result.saturatedSamples == 2, "row (1, 1) saturates in both epochs")
        #expect(abs(fast.layers[0].weights[0][0] - (800 - 0.1 - 0.1)) <= 1e-12 * 800, "dz = 1 twice")
    }

    @Test func badSettingsThrowTheTeachingPathsErrors() {
        var random = NumPyRandom(seed: 1)
        var fast = FastPerceptron(sizes: [2, 1], activations: [.sigmoid], generator: &random)
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
