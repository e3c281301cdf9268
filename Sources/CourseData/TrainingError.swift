/// What can stop training, each with a message that says what to do about it.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The sigmoid output reached exactly 0 or 1, so log(ŷ) or log(1 − ŷ) is
    /// infinite and the gradient divides by zero.
    case saturatedOutput(epoch: Int, sample: Int, prediction: Double)
    case noSamples
    case featureCountMismatch(expected: Int, found: Int)
    case nonPositiveLearningRate(Double)
    case nonPositiveEpochs(Int)

    public var description: String {
        switch self {
        case let .saturatedOutput(epoch, sample, prediction):
            "the network's output reached exactly \(prediction == 0 ? "0" : "1") at epoch \(epoch), "
                + "sample \(sample): the loss log(\(prediction == 0 ? "ŷ" : "1 − ŷ")) is infinite and "
                + "the gradient divides by zero. The sigmoid saturates when its input is very large; "
                + "try a smaller learning rate, inputs scaled to about [−1, 1], or fewer epochs"
        case .noSamples:
            "there are no samples to train on"
        case let .featureCountMismatch(expected, found):
            "the first layer takes \(expected) inputs but the data has \(found) feature columns"
        case let .nonPositiveLearningRate(rate):
            "the learning rate must be a positive number, got \(rate)"
        case let .nonPositiveEpochs(epochs):
            "the number of epochs must be at least 1, got \(epochs)"
        }
    }

    /// Throws the first thing that makes training on `data` impossible: no
    /// samples, a feature count the first layer cannot take, α ≤ 0, epochs < 1.
    public static func checkSettings(_ data: DataSet, inputCount: Int, epochs: Int, learningRate: Double) throws {
        guard data.count > 0 else { throw TrainingError.noSamples }
        guard data.featureCount == inputCount else {
            throw TrainingError.featureCountMismatch(expected: inputCount, found: data.featureCount)
        }
        guard learningRate > 0 else { throw TrainingError.nonPositiveLearningRate(learningRate) }
        guard epochs > 0 else { throw TrainingError.nonPositiveEpochs(epochs) }
    }

    /// Throws `saturatedOutput` unless 0 < ŷ < 1.
    public static func checkUnsaturated(_ prediction: Double, epoch: Int, sample: Int) throws {
        guard prediction > 0 && prediction < 1 else {
            throw TrainingError.saturatedOutput(epoch: epoch, sample: sample, prediction: prediction)
        }
    }
}
