import Foundation

/// The model file: `{"layers": [{"activation": "relu", "weights": [[…], …],
/// "biases": […]}, …], "standardize": {"mean": […], "std": […]}}`, weights as
/// one row per neuron (n_neurons × n_inputs); `standardize` only when the model
/// was trained on standardized inputs (one mean and one standard deviation per feature);
/// `columns` (`{"features": [...], "label": "diagnosis", "positive": "M", "negative": "B",
/// "ignored": ["id"]}`) when the data file had a header.
public struct ModelFile: Codable, Equatable, Sendable {
    public struct LayerEntry: Codable, Equatable, Sendable {
        public var activation: String
        public var weights: [[Double]]
        public var biases: [Double]
    }

    public var layers: [LayerEntry]
    /// The z-scores the network's inputs need, x' = (x − mean) / std; nil for raw inputs.
    public var standardize: Standardization?
    /// The data's columns the network was trained on; nil for a file without a header.
    public var columns: DataColumns?

    public init(_ network: FastPerceptron, standardization: Standardization? = nil, columns: DataColumns? = nil) {
        self.columns = columns
        layers = network.layers.map {
            LayerEntry(activation: $0.activation.rawValue, weights: $0.weights, biases: $0.biases)
        }
        standardize = standardization
    }

    /// Reads a model file. Every error names the place: line and column for
    /// JSON syntax, the JSON path (`layers[1].weights[0][2]`) for a missing
    /// key or a value of the wrong kind; numbers must be finite.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelFileError(file: url.path, problem: "no such file or it cannot be read")
        }
        try self.init(json: Array(data), file: url.path)
    }

    /// The network this file describes, or an error naming the layer that does not fit.
    public func network(file: String = "<model>") throws -> FastPerceptron {
        guard !layers.isEmpty else { throw ModelFileError(file: file, problem: "layers: has no layers") }
        var built: [FastPerceptron.LayerParameters] = []
        for (index, entry) in layers.enumerated() {
            let place = "layer \(index + 1)"
            guard let activation = ActivationKind(named: entry.activation) else {
                throw ModelFileError(file: file, problem: "\(place): unknown activation \"\(entry.activation)\", expected one of \(ActivationKind.knownNames)")
            }
            let rows = entry.weights.count
            let columns = entry.weights.first?.count ?? 0
            guard rows > 0, columns > 0, entry.weights.allSatisfy({ $0.count == columns }) else {
                throw ModelFileError(file: file, problem: "\(place): weights must be a non-empty rectangle of rows, one per neuron")
            }
            guard entry.biases.count == rows else {
                throw ModelFileError(file: file, problem: "\(place): \(rows) neurons need \(rows) biases, found \(entry.biases.count)")
            }
            if let previous = built.last, previous.biases.count != columns {
                throw ModelFileError(file: file, problem: "\(place): takes \(columns) inputs but layer \(index) has \(previous.biases.count) neurons")
            }
            guard (entry.weights.joined() + entry.biases).allSatisfy(\.isFinite) else {
                throw ModelFileError(file: file, problem: "\(place): weights and biases must be finite numbers")
            }
            built.append(FastPerceptron.LayerParameters(weights: entry.weights, biases: entry.biases,
                                                        activation: activation))
        }
        let network = FastPerceptron(layers: built)
        if let standardize {
            let inputs = network.inputCount
            guard standardize.mean.count == inputs, standardize.std.count == inputs else {
                throw ModelFileError(file: file, problem: "standardize: the first layer takes \(inputs) inputs but there are "
                    + "\(standardize.mean.count) means and \(standardize.std.count) standard deviations")
            }
            if let bad = standardize.std.firstIndex(where: { !($0 > 0) }) {
                throw ModelFileError(file: file, problem: "standardize.std[\(bad)]: a standard deviation must be positive, found \(standardize.std[bad])")
            }
        }
        if let columns, columns.features.count != network.inputCount {
            throw ModelFileError(file: file, problem: "columns.features: the first layer takes \(network.inputCount) inputs "
                + "but \(columns.features.count) feature names are given")
        }
        return network
    }

    /// The file's JSON, pretty-printed with keys in a stable order.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

public struct ModelFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}
