import Foundation

/// The activations the tool's engine trains with, named as model files and the
/// command line name them.
///
/// The tool keeps its own small copy of the two functions rather than linking
/// the learner's `Activation` types: it must work whatever the learner's code
/// does, and it computes them with the same expressions, so the numbers agree.
public enum ActivationKind: String, CaseIterable, Codable, Sendable {
    /// relu(z) = max(0, z)
    case relu
    /// σ(z) = 1 / (1 + e^(−z))
    case sigmoid

    /// The kind called `name` (any case), or nil when there is none by that name.
    public init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// "relu, sigmoid": the names accepted, for error messages.
    public static var knownNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// f(z)
    @inline(__always)
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .relu: max(0, z)
        case .sigmoid: 1 / (1 + exp(-z))
        }
    }
}
