import Foundation

/// The model file: `{"layers": [{"activation": "relu", "weights": [[…], …],
/// "biases": […]}, …]}`, weights as one row per neuron (n_neurons × n_inputs).
public struct ModelFile: Codable, Equatable, Sendable {
    public struct LayerEntry: Codable, Equatable, Sendable {
        public var activation: String
        public var weights: [[Double]]
        public var biases: [Double]
    }

    public var layers: [LayerEntry]

    public init(_ network: FastPerceptron) {
        layers = network.layers.map {
            LayerEntry(activation: $0.activation.rawValue, weights: $0.weights, biases: $0.biases)
        }
    }

    /// Reads a model file; `JSONDecoder` keeps every double exact.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelFileError(file: url.path, problem: "no such file or it cannot be read")
        }
        do {
            self = try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw ModelFileError(file: url.path, problem: "is not a model file ({\"layers\": [{\"activation\", \"weights\", \"biases\"}, …]})")
        }
    }

    /// The network this file describes, or an error naming the layer that does not fit.
    public func network(file: String = "<model>") throws -> FastPerceptron {
        guard !layers.isEmpty else { throw ModelFileError(file: file, problem: "has no layers") }
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
        return FastPerceptron(layers: built)
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
