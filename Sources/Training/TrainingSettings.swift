/// What `workbook train` was asked to do, as the command line gave it; the
/// command's options, named alike. `TrainingSetup` checks and applies them.
public struct TrainingSettings: Sendable {
    /// The CSV file to train on, as the user wrote it.
    public var data: String
    /// `--layers`: sizes, inputs first ("2,6,6,1"); nil for the course's.
    public var layers: String?
    /// `--activations`: one name per layer ("relu,relu,sigmoid"); nil for the course's.
    public var activations: String?
    /// `np.random.seed(seed)` before the weights and shuffles.
    public var seed: Int
    /// A model file to start from instead of drawing weights.
    public var model: String?
    public var noShuffle: Bool
    public var epochs: Int
    /// α in W −= α·dW.
    public var learningRate: Double
    /// The share of rows kept for testing: 0 ≤ f < 1.
    public var testFraction: Double
    /// `--hidden`: hidden sizes only ("16,8"); the inputs come from the data, the output is 1.
    public var hidden: String?
    /// `--standardize`: z-score the features with the training part's statistics.
    public var standardize: Bool
    /// `--split`: which rows test.
    public var split: SplitKind
    /// `--split-seed`: seeds the generator of a shuffled split (not the course's).
    public var splitSeed: Int
    /// `--label`, `--ignore`, `--positive`: which columns are the features and the label.
    public var columns: ColumnChoice

    public init(data: String, layers: String? = nil, activations: String? = nil, seed: Int = 10,
                model: String? = nil, noShuffle: Bool = false, epochs: Int = 10,
                learningRate: Double = 0.01, testFraction: Double = 0.2, hidden: String? = nil,
                standardize: Bool = false, split: SplitKind = .tail, splitSeed: Int = 1,
                columns: ColumnChoice = ColumnChoice()) {
        self.columns = columns
        self.hidden = hidden
        self.standardize = standardize
        self.split = split
        self.splitSeed = splitSeed
        self.data = data
        self.layers = layers
        self.activations = activations
        self.seed = seed
        self.model = model
        self.noShuffle = noShuffle
        self.epochs = epochs
        self.learningRate = learningRate
        self.testFraction = testFraction
    }
}

/// Input training cannot work with: a bad setting, a data or model file that
/// does not fit. The message names what is wrong and where, in one line.
public struct TrainingInputError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// An output file that could not be written: not the input's fault.
public struct CannotWrite: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// How `workbook train` chooses its test rows.
public enum SplitKind: String, CaseIterable, Sendable {
    /// The last round(n·f) rows of the file, in file order (the course's 80/20 split).
    case tail
    /// round(n_c·f) rows of each class c drawn at random, from a generator of their own.
    case shuffled
}
