import Foundation
import CourseData
import CourseFiles

/// Everything `workbook train` needs before the first epoch, checked: the
/// settings, the data split into training and test parts (standardized when
/// asked), the starting network and the generator that will shuffle.
///
/// Every check throws a `TrainingInputError` that names the option or file at fault, so
/// nothing is trained (or written) from input that does not make sense.
public struct TrainingSetup {
    public let options: TrainingSettings
    /// The whole file as read, and the names of its features (the header's, or x1, x2, …).
    public let data: DataSet
    public let featureNames: [String]
    /// The columns as the model file keeps them (names, label mapping, ignored
    /// columns); nil for a file without a header.
    public let columns: DataColumns?
    /// The parts as the file has them: `--split tail` keeps the last round(n·f)
    /// rows for testing, `--split shuffled` draws them per class.
    public let rawTrain: DataSet
    public let rawTest: DataSet
    /// The parts as the network sees them: standardized when `standardization` is set.
    public let train: DataSet
    public let test: DataSet
    /// The z-scores applied to the inputs: from `--standardize` (the training
    /// part's statistics) or from the model file; nil for raw inputs.
    public let standardization: Standardization?
    /// The network before training.
    public let network: FastPerceptron
    /// NumPy's generator after `np.random.seed(seed)` and, unless `--model`,
    /// after drawing the weights: the next draws are the epochs' permutations.
    public let generator: NumPyRandom
    /// Things worth saying before training (a constant feature left as it is).
    public let notes: [String]

    public init(_ options: TrainingSettings) throws {
        self.options = options
        try Self.checkNumbers(options)
        let labelled = try LabelledData(path: options.data, choice: options.columns)
        data = labelled.data
        columns = labelled.columns
        let featureNames = labelled.featureNames
        self.featureNames = featureNames

        var generator = NumPyRandom(seed: UInt32(options.seed))
        var modelStandardization: Standardization?
        if let modelPath = options.model {
            if options.layers != nil || options.activations != nil || options.hidden != nil {
                throw TrainingInputError("--model \(modelPath) sets the layers and activations; leave out --layers, --hidden and --activations")
            }
            (network, modelStandardization) = try Self.readModel(modelPath)
        } else {
            let shape = try Self.shape(options, featureCount: data.featureCount)
            // The course: np.random.seed(S), then each layer draws its weights, then its biases.
            network = FastPerceptron(sizes: shape.sizes, activations: shape.activations, generator: &generator)
        }
        self.generator = generator

        let inputs = network.inputCount
        guard data.featureCount == inputs else {
            let source = options.model ?? (options.layers.map { "--layers \($0)" } ?? "--hidden")
            throw TrainingInputError("\(options.data) has \(data.featureCount) feature column\(data.featureCount == 1 ? "" : "s") "
                + "but the first layer (\(source)) takes \(inputs) input\(inputs == 1 ? "" : "s")"
                + (options.layers != nil ? "; --hidden gives the hidden sizes alone and takes the inputs from the data" : ""))
        }
        switch options.split {
        case .tail:
            (rawTrain, rawTest) = data.split(testFraction: options.testFraction)
        case .shuffled:
            var splitGenerator = NumPyRandom(seed: UInt32(options.splitSeed))
            (rawTrain, rawTest) = data.stratifiedSplit(testFraction: options.testFraction, generator: &splitGenerator)
        }
        guard rawTrain.count > 0 else {
            throw TrainingInputError("--test-fraction \(options.testFraction) leaves no training rows: \(options.data) has "
                + "\(data.count) row\(data.count == 1 ? "" : "s") and round(\(data.count) × \(options.testFraction)) = \(rawTest.count) go to the test part")
        }

        var notes: [String] = []
        if let modelStandardization {
            standardization = modelStandardization
            notes.append("Inputs standardized with the means and standard deviations stored in \(options.model!).")
        } else if options.standardize {
            let fitted = Standardization(fitting: rawTrain)
            standardization = fitted
            if !fitted.constantFeatures.isEmpty {
                let names = fitted.constantFeatures.map { featureNames[$0] }.joined(separator: ", ")
                notes.append("--standardize: \(names) \(fitted.constantFeatures.count == 1 ? "is" : "are") constant "
                    + "in the training rows (standard deviation 0), left as \(fitted.constantFeatures.count == 1 ? "it is" : "they are").")
            }
        } else {
            standardization = nil
        }
        self.notes = notes
        train = standardization?.apply(rawTrain) ?? rawTrain
        test = standardization?.apply(rawTest) ?? rawTest
    }

    /// The network's sizes and activations from `--layers` or `--hidden`
    /// (with `--activations`), or the course's hidden layers 6, 6 on the data's inputs.
    private static func shape(_ options: TrainingSettings, featureCount: Int) throws -> NetworkShape {
        if let layers = options.layers {
            if options.hidden != nil {
                throw TrainingInputError("--layers \(layers) and --hidden \(options.hidden!) both give the sizes; "
                    + "use --hidden alone (the inputs come from the data) or --layers alone")
            }
            return try NetworkShape(layers: layers, activations: options.activations ?? NetworkShape.courseActivations)
        }
        return try NetworkShape(inputs: featureCount, hidden: options.hidden ?? NetworkShape.courseHidden,
                                activations: options.activations, hiddenOption: options.hidden != nil)
    }

    /// The numeric options, before any file is read.
    private static func checkNumbers(_ options: TrainingSettings) throws {
        guard (0...Int(UInt32.max)).contains(options.seed) else {
            throw TrainingInputError("--seed must be a whole number from 0 to \(UInt32.max), as np.random.seed takes, got \(options.seed)")
        }
        guard (0...Int(UInt32.max)).contains(options.splitSeed) else {
            throw TrainingInputError("--split-seed must be a whole number from 0 to \(UInt32.max), got \(options.splitSeed)")
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

    /// The data file as a table, with errors naming it as the user wrote it.
    public static func readTable(_ path: String) throws -> DataTable {
        do {
            return try DataTable(contentsOf: URL(fileURLWithPath: path))
        } catch let error as DataFileError {
            throw TrainingInputError(DataFileError(file: path, line: error.line, column: error.column,
                                                   problem: error.problem).description)
        }
    }

    public static func dataSet(_ table: DataTable, path: String) throws -> DataSet {
        do {
            return try DataSet(table: table, file: path)
        } catch let error as DataFileError {
            throw TrainingInputError(error.description)
        }
    }

    /// The header's feature names (all but the label's), or x1, x2, … without a header.
    static func names(_ header: [String]?, count: Int) -> [String] {
        if let header, header.count > count {
            return header.prefix(count).enumerated().map { $1.isEmpty ? "x\($0 + 1)" : $1 }
        }
        return (0..<count).map { "x\($0 + 1)" }
    }

    /// A model file, which must end in the single sigmoid output the loss needs,
    /// and the standardization stored with it.
    public static func readModel(_ path: String) throws -> (FastPerceptron, Standardization?) {
        let (network, standardization, _) = try readModelFile(path)
        return (network, standardization)
    }

    /// `readModel`, with the file as read (for its columns).
    static func readModelFile(_ path: String) throws -> (FastPerceptron, Standardization?, ModelFile) {
        let network: FastPerceptron
        let file: ModelFile
        do {
            file = try ModelFile(contentsOf: URL(fileURLWithPath: path))
            network = try file.network(file: path)
        } catch let error as ModelFileError {
            throw TrainingInputError("\(path): \(error.problem)")
        }
        let layers = network.layers, last = layers[layers.count - 1]
        guard last.biases.count == 1, last.activation == .sigmoid else {
            throw TrainingInputError("\(path): layer \(layers.count), the output, must be one sigmoid neuron "
                + "(ŷ, a probability); it has \(last.biases.count) \(last.activation.rawValue) neuron\(last.biases.count == 1 ? "" : "s")")
        }
        return (network, file.standardize, file)
    }
}
