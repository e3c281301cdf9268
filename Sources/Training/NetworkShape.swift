import Foundation

/// The network `--layers` and `--activations` describe: sizes with the inputs
/// first, and one activation per layer.
public struct NetworkShape {
    /// The course's network: 2 inputs, two hidden layers of 6, one output.
    public static let courseLayers = "2,6,6,1"
    public static let courseActivations = "relu,relu,sigmoid"
    /// The course's hidden layers, used on any number of inputs.
    public static let courseHidden = "6,6"

    public let sizes: [Int]
    public let activations: [ActivationKind]

    /// Reads both lists, or throws a `TrainingInputError` naming the option and the entry at fault.
    public init(layers: String, activations names: String) throws {
        let sizeFields = Self.fields(layers)
        var sizes: [Int] = []
        for (index, field) in sizeFields.enumerated() {
            guard let size = Int(field) else {
                throw TrainingInputError("--layers \(layers): \"\(field)\" (entry \(index + 1)) is not a whole number")
            }
            guard size >= 1 else {
                throw TrainingInputError("--layers \(layers): entry \(index + 1) is \(size), every size must be at least 1")
            }
            sizes.append(size)
        }
        guard sizes.count >= 2 else {
            throw TrainingInputError("--layers \(layers): give at least two sizes, the number of inputs and the output size 1")
        }
        guard sizes.last == 1 else {
            throw TrainingInputError("--layers \(layers): the last size must be 1, the network's one output ŷ")
        }
        let nameFields = Self.fields(names)
        guard nameFields.count == sizes.count - 1 else {
            throw TrainingInputError("--layers \(layers) makes \(sizes.count - 1) layers but --activations \(names) "
                + "names \(nameFields.count); give one activation per layer")
        }
        var activations: [ActivationKind] = []
        for (index, name) in nameFields.enumerated() {
            guard let activation = ActivationKind(named: name) else {
                throw TrainingInputError("--activations \(names): unknown activation \"\(name)\" for layer \(index + 1), "
                    + "expected one of \(ActivationKind.knownNames)")
            }
            activations.append(activation)
        }
        guard activations.last == .sigmoid else {
            throw TrainingInputError("--activations \(names): the last layer must be sigmoid, so that ŷ is a probability "
                + "in (0, 1) as the binary cross-entropy needs")
        }
        self.sizes = sizes
        self.activations = activations
    }

    /// `--hidden`: the hidden sizes alone, between `inputs` (from the data) and
    /// the one output. Without `--activations`, relu for every hidden layer and
    /// sigmoid last. `hiddenOption` says whether the user gave `--hidden` (for messages).
    public init(inputs: Int, hidden: String, activations names: String?, hiddenOption: Bool) throws {
        let option = hiddenOption ? "--hidden \(hidden)" : "the default hidden layers \(hidden)"
        var sizes = [inputs]
        for (index, field) in Self.fields(hidden).enumerated() {
            guard let size = Int(field) else {
                throw TrainingInputError("\(option): \"\(field)\" (entry \(index + 1)) is not a whole number")
            }
            guard size >= 1 else {
                throw TrainingInputError("\(option): entry \(index + 1) is \(size), every size must be at least 1")
            }
            sizes.append(size)
        }
        sizes.append(1)
        let layerCount = sizes.count - 1
        let activations = names ?? (Array(repeating: "relu", count: layerCount - 1) + ["sigmoid"]).joined(separator: ",")
        do {
            try self.init(layers: sizes.map(String.init).joined(separator: ","), activations: activations)
        } catch let error as TrainingInputError where names != nil {
            // Name the user's options, not the --layers the sizes became.
            throw TrainingInputError(error.description.replacingOccurrences(
                of: "--layers \(sizes.map(String.init).joined(separator: ","))",
                with: "\(option) (with \(inputs) inputs from the data and 1 output)"))
        }
    }

    /// "2, 6,6 ,1" → ["2", "6", "6", "1"]
    private static func fields(_ list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map { field in
            guard let first = field.firstIndex(where: { !$0.isWhitespace }),
                  let last = field.lastIndex(where: { !$0.isWhitespace }) else { return "" }
            return String(field[first...last])
        }
    }
}
