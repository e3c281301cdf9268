import CourseData
import Foundation
import NeuralNetwork
import Testing
@testable import Training

/// The held-out loss `workbook train` measures after every epoch: it must leave
/// training exactly as it was, and equal the binary cross-entropy of the held-out
/// rows under the teaching network trained for as many epochs.
struct HeldOutLossTests {
    typealias Shapes = FastPerceptronTests

    @Test(arguments: 0..<Shapes.shapes.count)
    func measuringChangesNoTrainingNumber(shapeIndex: Int) throws {
        let shape = Shapes.shapes[shapeIndex]
        let data = Shapes.data(featureCount: shape.sizes[0], count: 50, seed: 11)
        let heldOut = Shapes.data(featureCount: shape.sizes[0], count: 13, seed: 12)
        var plainRandom = NumPyRandom(seed: 4)
        var plain = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &plainRandom)
        var measured = plain
        var measuredRandom = plainRandom
        let without = try plain.train(data, epochs: 4, learningRate: 0.05, generator: &plainRandom)
        var heard: [Double?] = []
        let with = try measured.train(data, epochs: 4, learningRate: 0.05, generator: &measuredRandom,
                                      heldOut: heldOut) { _, _, heldOutLoss in heard.append(heldOutLoss) }
        // Bit for bit: measuring runs the network forward only and draws nothing.
        #expect(with.losses == without.losses)
        #expect(measured.layers == plain.layers)
        #expect(measuredRandom.nextUInt32() == plainRandom.nextUInt32())
        #expect(without.heldOutLosses.isEmpty)
        #expect(with.heldOutLosses.count == 4)
        #expect(heard == with.heldOutLosses.map { Optional($0) })
    }

    @Test(arguments: [0, 2, 3, 5])
    func heldOutLossIsTheCrossEntropyOfTheTeachingNetworkAfterEachEpoch(shapeIndex: Int) throws {
        let shape = Shapes.shapes[shapeIndex]
        let data = Shapes.data(featureCount: shape.sizes[0], count: 40, seed: 21)
        let heldOut = Shapes.data(featureCount: shape.sizes[0], count: 9, seed: 22)
        var random = NumPyRandom(seed: 10)
        var fast = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &random)
        let result = try fast.train(data, epochs: 3, learningRate: 0.05, generator: &random, heldOut: heldOut)
        for epochs in 1...3 {
            // The teaching path trained from scratch for `epochs` epochs (the same seed draws
            // the same weights and shuffles), then L = −(y·log ŷ + (1 − y)·log(1 − ŷ))
            // averaged over the held-out rows in a plain loop.
            var teachingRandom = NumPyRandom(seed: 10)
            var teaching = Perceptron(sizes: shape.sizes, activations: shape.activations.map(Shapes.teachingActivation),
                                      generator: &teachingRandom)
            _ = try teaching.fit(data, epochs: epochs, learningRate: 0.05, generator: &teachingRandom)
            var total = 0.0
            for (features, y) in zip(heldOut.features, heldOut.labels) {
                let yHat = teaching.probability(features)
                total += -(y * log(yHat) + (1 - y) * log(1 - yHat))
            }
            let expected = total / Double(heldOut.count)
            let found = result.heldOutLosses[epochs - 1]
            #expect(abs(found - expected) <= 1e-12 * expected, "epoch \(epochs): \(found) against \(expected)")
        }
    }

    @Test func aSaturatedHeldOutRowTakesTheLogitLoss() throws {
        // One sigmoid neuron, w = 800: the held-out row x = 1, y = 0 has z = 800 − (the small
        // steps training takes), ŷ = 1 exactly; by hand its loss is max(z, 0) − z·y + log(1 + e^(−|z|)) = z.
        var fast = FastPerceptron(layers: [.init(weights: [[800]], biases: [0], activation: .sigmoid)])
        var random = NumPyRandom(seed: 1)
        let result = try fast.train(DataSet(features: [[0]], labels: [1]), epochs: 1, learningRate: 0.1,
                                    generator: &random, heldOut: DataSet(features: [[1]], labels: [0]))
        let z = fast.layers[0].weights[0][0] + fast.layers[0].biases[0]
        #expect(z > 790)
        #expect(result.heldOutLosses == [z])
    }
}
