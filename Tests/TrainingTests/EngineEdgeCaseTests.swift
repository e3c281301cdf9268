import CourseData
import Foundation
import NeuralNetwork
import Testing
@testable import Training

/// The engine against the teaching path where its shortcuts are most likely to
/// slip: blocks of exactly 8, 9, 16 and 17 neurons, deep stacks, one-neuron
/// hidden layers, features that are exactly 0, layers that never fire, and
/// numbers large enough to overflow a sum. The engine claims the very same
/// doubles, so these compare with `==`.
struct EngineEdgeCaseTests {
    static let shapes: [(sizes: [Int], activations: [ActivationKind])] = [
        ([9, 8, 1], [.relu, .sigmoid]),
        ([8, 9, 1], [.sigmoid, .sigmoid]),
        ([4, 16, 17, 1], [.relu, .relu, .sigmoid]),
        ([17, 8, 16, 1], [.relu, .sigmoid, .sigmoid]),
        ([3, 1, 1], [.relu, .sigmoid]),
        ([11, 1, 9, 1], [.sigmoid, .relu, .sigmoid]),
        ([2, 24, 1], [.relu, .sigmoid]),
        ([3, 8, 8, 8, 8, 8, 8, 1], [.relu, .relu, .relu, .relu, .relu, .relu, .sigmoid]),
        ([2, 3, 3, 3, 3, 3, 3, 3, 3, 1], [.relu, .sigmoid, .relu, .relu, .sigmoid, .relu, .relu, .relu, .sigmoid]),
    ]

    /// Every third feature exactly 0, the rest in [−1.5, 1.5).
    static func dataWithZeros(featureCount: Int, count: Int, seed: UInt32) -> DataSet {
        let data = FastPerceptronTests.data(featureCount: featureCount, count: count, seed: seed)
        let features = data.features.enumerated().map { row, values in
            values.enumerated().map { column, value in (row + column) % 3 == 0 ? 0 : value }
        }
        return DataSet(features: features, labels: data.labels)
    }

    static func teaching(_ network: FastPerceptron) -> Perceptron {
        Perceptron(layers: network.layers.map {
            Layer(weights: Matrix($0.weights), biases: Matrix(column: $0.biases),
                  activation: FastPerceptronTests.teachingActivation($0.activation))
        })
    }

    /// Trains both from `network` and expects the same losses, weights and biases, or
    /// the same error and the same weights and biases where each stopped.
    static func expectSameTraining(_ network: FastPerceptron, on data: DataSet, epochs: Int, learningRate: Double,
                                   shuffle: Bool, seed: UInt32 = 1, _ what: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        var fast = network, teaching = Self.teaching(network)
        var fastRandom = NumPyRandom(seed: seed), teachingRandom = NumPyRandom(seed: seed)
        let found = Result { try fast.fit(data, epochs: epochs, learningRate: learningRate, shuffle: shuffle,
                                          generator: &fastRandom) }
        let expected = Result { try teaching.fit(data, epochs: epochs, learningRate: learningRate, shuffle: shuffle,
                                                 generator: &teachingRandom) }
        switch (found, expected) {
        case let (.success(found), .success(expected)):
            #expect(found == expected, "\(what): losses", sourceLocation: sourceLocation)
            #expect(fast.layers == FastPerceptronTests.parameters(of: teaching), "\(what): weights and biases",
                    sourceLocation: sourceLocation)
        case let (.failure(found), .failure(expected)):
            #expect(String(describing: found) == String(describing: expected), "\(what)", sourceLocation: sourceLocation)
            #expect(fast.layers == FastPerceptronTests.parameters(of: teaching), "\(what): weights and biases where it stopped",
                    sourceLocation: sourceLocation)
        default:
            Issue.record("\(what): the engine gave \(found), the teaching path \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 0..<shapes.count)
    func blockEdgesAndDeepStacksMatchBitForBit(shapeIndex: Int) {
        let shape = Self.shapes[shapeIndex]
        var random = NumPyRandom(seed: UInt32(40 + shapeIndex))
        let network = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &random)
        let data = Self.dataWithZeros(featureCount: shape.sizes[0], count: 30, seed: UInt32(shapeIndex))
        for shuffle in [true, false] {
            Self.expectSameTraining(network, on: data, epochs: 4, learningRate: 0.1, shuffle: shuffle,
                                    "\(network.shapeDescription), shuffle \(shuffle)")
        }
        let samples = data.features
        let teaching = Self.teaching(network)
        #expect(samples.map(network.probability) == samples.map(teaching.probability))
        #expect(network.probabilities(samples) == samples.map(teaching.probability))
    }

    /// Hidden ReLU layers of 1, 8 and 9 neurons whose biases keep every neuron off:
    /// the output layer alone learns, from its bias.
    @Test(arguments: [1, 8, 9])
    func deadReLULayersMatch(width: Int) {
        let hidden = FastPerceptron.LayerParameters(weights: Array(repeating: [0.25, -0.5, 0.125], count: width),
                                                    biases: Array(repeating: -10, count: width), activation: .relu)
        let output = FastPerceptron.LayerParameters(weights: [Array(repeating: 0.5, count: width)], biases: [0.3],
                                                    activation: .sigmoid)
        let network = FastPerceptron(layers: [hidden, output])
        let data = Self.dataWithZeros(featureCount: 3, count: 20, seed: 9)
        Self.expectSameTraining(network, on: data, epochs: 3, learningRate: 0.5, shuffle: true, "dead \(width)")
    }

    /// A sample so large that an off neuron's weighted sum overflows to −∞ (or to
    /// ∞ − ∞): ReLU gives 0 for it all the same, as in the teaching path, and the
    /// weights and losses stay finite, so training is no divergence.
    @Test(arguments: [1, 3, 9])
    func anOffNeuronsInfiniteSumIsNoDivergence(width: Int) {
        let hidden = FastPerceptron.LayerParameters(
            weights: (0..<width).map { $0 % 2 == 0 ? [-1, -1] : [1, -1] }, biases: Array(repeating: 0, count: width),
            activation: .relu)
        let output = FastPerceptron.LayerParameters(weights: [Array(repeating: 0.5, count: width)], biases: [0.1],
                                                    activation: .sigmoid)
        let network = FastPerceptron(layers: [hidden, output])
        let data = DataSet(features: [[1, 2], [1, 3], [-1e308, 1e308], [1e308, 1e308]], labels: [1, 0, 1, 0])
        Self.expectSameTraining(network, on: data, epochs: 3, learningRate: 0.1, shuffle: false, "overflowing sum, \(width)")
    }

    /// A network built in code whose output is a ReLU: trained as the teaching path
    /// trains it while 0 < ŷ < 1, stopped with the same error when ŷ leaves it.
    @Test(arguments: [0.05, 0.8])
    func aReLUOutputTrainsOrStopsLikeTheTeachingPath(learningRate: Double) {
        let network = FastPerceptron(layers: [
            .init(weights: [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], biases: [0.1, 0.2, 0.05], activation: .relu),
            .init(weights: [[0.4, 0.3, 0.2]], biases: [0.3], activation: .relu),
        ])
        let data = DataSet(features: [[0.5, 0.2], [0.1, 0.9], [0.7, 0.7], [0.2, 0.1]], labels: [1, 0, 1, 0])
        for shuffle in [true, false] {
            Self.expectSameTraining(network, on: data, epochs: 6, learningRate: learningRate, shuffle: shuffle,
                                    "ReLU output, α \(learningRate), shuffle \(shuffle)")
        }
    }

    /// Saturated outputs on a wide, deep network: the logit's formulas keep the
    /// losses finite, and nothing crashes.
    @Test func saturatedOutputsOnWideLayersGiveFiniteLosses() throws {
        var random = NumPyRandom(seed: 3)
        var network = FastPerceptron(sizes: [3, 17, 9, 1], activations: [.relu, .sigmoid, .sigmoid], generator: &random)
        var layers = network.layers
        layers[2].weights = [layers[2].weights[0].map { $0 * 400 }]
        network = FastPerceptron(layers: layers)
        let data = FastPerceptronTests.data(featureCount: 3, count: 30, seed: 3)
        let result = try network.train(data, epochs: 3, learningRate: 0.01, generator: &random)
        #expect(result.saturatedSamples > 0)
        #expect(result.losses.allSatisfy { $0.isFinite })
        #expect(network.layers.allSatisfy { $0.weights.joined().allSatisfy { $0.isFinite } })
    }

    /// A learning rate that makes training run away stops it with `TrainingDivergence`,
    /// and no epoch it reported had a loss that is not finite.
    @Test(arguments: [([2, 20, 9, 1], [ActivationKind.relu, .relu, .sigmoid]), ([2, 6, 6, 1], [.relu, .relu, .sigmoid])])
    func runawayTrainingThrowsDivergence(sizes: [Int], activations: [ActivationKind]) {
        var random = NumPyRandom(seed: 8)
        var network = FastPerceptron(sizes: sizes, activations: activations, generator: &random)
        let data = DataSet(features: FastPerceptronTests.data(featureCount: 2, count: 40, seed: 8).features.map { $0.map { $0 * 1e150 } },
                           labels: (0..<40).map { Double($0 % 2) })
        var reported: [Double] = []
        #expect(throws: TrainingDivergence.self) {
            try network.fit(data, epochs: 50, learningRate: 1e150, generator: &random) { reported.append($1) }
        }
        #expect(reported.allSatisfy { $0.isFinite })
    }
}
