import Foundation
import CourseData

/// Everything `workbook train` needs before the first epoch, checked: the
/// settings, the data split into training and test parts, the starting network
/// and the generator that will shuffle.
///
/// Every check throws a `TrainingInputError` that names the option or file at fault, so
/// nothing is trained (or written) from input that does not make sense.
public struct TrainingSetup {
    public let options: TrainingSettings
    /// The whole file, and its parts: the first rows train, the last round(n·f) rows test.
    public let data: DataSet
    public let train: DataSet
    public let test: DataSet
    /// The network before training.
    public let network: FastPerceptron
    /// NumPy's generator after `np.random.seed(seed)` and, unless `--model`,
    /// after drawing the weights: the next draws are the epochs' permutations.
    public let generator: NumPyRandom

    public init(_ options: TrainingSettings) throws {
        self.options = options
        try Self.checkNumbers(options)
        data = try Self.readData(options.data)

        var generator = NumPyRandom(seed: UInt32(options.seed))
        if let modelPath = options.model {
            if options.layers != nil || options.activations != nil {
                throw TrainingInputError("--model \(modelPath) sets the layers and activations; leave out --layers and --activations")
            }
            network = try Self.readModel(modelPath)
        } else {
            let shape = try NetworkShape(layers: options.layers ?? NetworkShape.courseLayers,
                                         activations: options.activations ?? NetworkShape.courseActivations)
            // The course: np.random.seed(S), then each layer draws its weights, then its biases.
            network = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &generator)
        }
        self.generator = generator

        let inputs = network.inputCount
        guard data.featureCount == inputs else {
            let source = options.model ?? "--layers \(options.layers ?? NetworkShape.courseLayers)"
            throw TrainingInputError("\(options.data) has \(data.featureCount) feature column\(data.featureCount == 1 ? "" : "s") "
                + "but the first layer (\(source)) takes \(inputs) input\(inputs == 1 ? "" : "s")")
        }
        (train, test) = data.split(testFraction: options.testFraction)
        guard train.count > 0 else {
            throw TrainingInputError("--test-fraction \(options.testFraction) leaves no training rows: \(options.data) has "
                + "\(data.count) row\(data.count == 1 ? "" : "s") and round(\(data.count) × \(options.testFraction)) = \(test.count) go to the test part")
        }
    }

    /// The numeric options, before any file is read.
    private static func checkNumbers(_ options: TrainingSettings) throws {
        guard (0...Int(UInt32.max)).contains(options.seed) else {
            throw TrainingInputError("--seed must be a whole number from 0 to \(UInt32.max), as np.random.seed takes, got \(options.seed)")
        }
        guard options.epochs >= 1 else {
            throw TrainingInputError("--epochs must be at least 1, got \(options.epochs)")
        }
        guard options.learningRate > 0, options.learningRate.isFinite else {
            throw TrainingInputError("--learning-rate must be a positive number, got \(options.learningRate)")
        }
        guard options.testFraction >= 0, options.testFraction < 1 else {
            throw TrainingInputError("--test-fraction must be at least 0 and less than 1, got \(options.testFraction)")
        }
    }

    /// The data file, with errors naming it as the user wrote it.
    private static func readData(_ path: String) throws -> DataSet {
        do {
            return try DataSet(contentsOfCSV: URL(fileURLWithPath: path))
        } catch let error as DataFileError {
            throw TrainingInputError(DataFileError(file: path, line: error.line, column: error.column,
                                         problem: error.problem).description)
        }
    }

    /// The model file, which must end in the single sigmoid output the loss needs.
    private static func readModel(_ path: String) throws -> FastPerceptron {
        let network: FastPerceptron
        do {
            network = try ModelFile(contentsOf: URL(fileURLWithPath: path)).network(file: path)
        } catch let error as ModelFileError {
            throw TrainingInputError("\(path): \(error.problem)")
        }
        let layers = network.layers, last = layers[layers.count - 1]
        guard last.biases.count == 1, last.activation == .sigmoid else {
            throw TrainingInputError("\(path): layer \(layers.count), the output, must be one sigmoid neuron "
                + "(ŷ, a probability); it has \(last.biases.count) \(last.activation.rawValue) neuron\(last.biases.count == 1 ? "" : "s")")
        }
        return network
    }
}
