import Foundation
import Testing
import CourseData
@testable import NeuralNetwork

struct LossAndMetricsTests {
    @Test func binaryCrossEntropyAtKnownPoints() {
        #expect(abs(binaryCrossEntropy(label: 1, prediction: 0.5) - log(2)) < 1e-15)
        #expect(abs(binaryCrossEntropy(label: 0, prediction: 0.2) - -log(0.8)) < 1e-15)
        #expect(binaryCrossEntropy(label: 1, prediction: 0) == .infinity)
        #expect(abs(averageBinaryCrossEntropy(labels: [1, 0], predictions: [0.5, 0.2]) - (log(2) - log(0.8)) / 2) < 1e-15)
    }

    @Test func gradientOfTheLossMatchesFiniteDifferences() {
        for (y, yHat) in [(0.0, 0.3), (1.0, 0.3), (1.0, 0.95), (0.0, 0.01)] {
            let h = 1e-7
            let numeric = (binaryCrossEntropy(label: y, prediction: yHat + h)
                - binaryCrossEntropy(label: y, prediction: yHat - h)) / (2 * h)
            let analytic = binaryCrossEntropyGradient(label: y, prediction: yHat)
            #expect(abs(analytic - numeric) / abs(numeric) < 1e-6, "y = \(y), ŷ = \(yHat)")
        }
    }

    /// predicted [1, 1, 0, 0, 1, 0] against actual [1, 0, 0, 1, 1, 0]:
    /// TP = 2, FP = 1, TN = 2, FN = 1, counted by hand.
    @Test func metricsOfAHandCountedCase() {
        let matrix = ConfusionMatrix(predicted: [1, 1, 0, 0, 1, 0], actual: [1, 0, 0, 1, 1, 0])
        #expect(matrix == ConfusionMatrix(truePositives: 2, falsePositives: 1, trueNegatives: 2, falseNegatives: 1))
        #expect(matrix.accuracy == 4.0 / 6)
        #expect(matrix.precision == 2.0 / 3)
        #expect(matrix.recall == 2.0 / 3)
        #expect(abs(matrix.f1 - 2.0 / 3) < 1e-15)
    }

    @Test func metricsWithoutPositivePredictionsAreZeroNotNaN() {
        let matrix = ConfusionMatrix(predicted: [0, 0, 0], actual: [1, 0, 0])
        #expect(matrix.precision == 0)
        #expect(matrix.recall == 0)
        #expect(matrix.f1 == 0)
        #expect(matrix.accuracy == 2.0 / 3)
    }

    /// A network whose output is exactly 1.0 (σ(z) rounds to 1 for z > 37) on a
    /// sample labelled 0 would turn the loss infinite: fit stops and says why.
    @Test func saturatedOutputStopsTrainingWithAnExplanation() throws {
        var network = Perceptron(layers: [
            Layer(weights: Matrix([[100, 100]]), biases: Matrix(column: [0]), activation: Sigmoid()),
        ])
        var random = NumPyRandom(seed: 1)
        let data = DataSet(features: [[1, 1]], labels: [0])
        let error = #expect(throws: TrainingError.self) {
            _ = try network.fit(data, epochs: 1, learningRate: 0.01, generator: &random)
        }
        #expect(error == .saturatedOutput(epoch: 1, sample: 0, prediction: 1))
        #expect(error?.description.contains("learning rate") == true)
    }

    @Test func fitRejectsBadSettings() {
        var random = NumPyRandom(seed: 1)
        var network = Perceptron(sizes: [2, 1], activations: [Sigmoid()], generator: &random)
        let data = DataSet(features: [[0, 1]], labels: [1])
        #expect(throws: TrainingError.nonPositiveLearningRate(0)) {
            _ = try network.fit(data, epochs: 1, learningRate: 0, generator: &random)
        }
        #expect(throws: TrainingError.nonPositiveEpochs(0)) {
            _ = try network.fit(data, epochs: 0, learningRate: 0.1, generator: &random)
        }
        #expect(throws: TrainingError.featureCountMismatch(expected: 2, found: 3)) {
            _ = try network.fit(DataSet(features: [[0, 1, 2]], labels: [1]), epochs: 1, learningRate: 0.1,
                                generator: &random)
        }
    }
}
