/// The course's notation for the names a solution uses (W, b, a_prev, dz, α,
/// ŷ), so that a mutant's description reads as the chapters' mathematics and
/// never as the reference's code.
enum CourseNotation {
    /// Code name → the symbol the chapters write.
    static let symbols: [String: String] = [
        "weights": "W", "biases": "b", "bias": "b", "aPrev": "a_prev", "input": "the stored a_prev", "x": "x", "xi": "xᵢ",
        "w": "wᵢ", "z": "z", "weightedSums": "z", "activation": "g", "dz": "dz", "dW": "dW", "db": "db", "da": "da",
        "daPrev": "da_prev", "learningRate": "α", "yHat": "ŷ", "y": "y", "s": "σ(z)", "labels": "the labels",
        "predictions": "the predictions", "total": "the total", "totalLoss": "the epoch's summed loss",
        "truePositives": "TP", "falsePositives": "FP", "falseNegatives": "FN", "trueNegatives": "TN",
        "precision": "precision", "recall": "recall", "p": "the prediction", "a": "a", "sample": "the sample", "reversed": "reversed",
        "samples": "the samples", "data": "the data", "losses": "the losses", "epoch": "the epoch", "epochs": "the epochs",
        "index": "the index", "layer": "the layer's index", "layers": "the layers", "shuffle": "shuffle",
        "generator": "the generator", "neurons": "the neurons", "inputs": "the inputs", "predicted": "the predictions",
        "actual": "the actual labels", "total_": "the total", "transposed": "ᵀ", "count": "count", "log": "log",
        "derivative": "g′", "forward": "forward", "backward": "backward", "binaryCrossEntropy": "the loss L",
        "binaryCrossEntropyGradient": "∂L/∂ŷ", "ratio": "the ratio", "uniform": "the uniform draw", "zip": "pairing",
        "scalar": "the single value", "Double": "the conversion to a real number", "Matrix": "the column matrix",
        "checkUnsaturated": "the saturation check", "reordered": "the reordering", "permutation": "the permutation",
        "append": "appending", "progress": "the progress report", "features": "the features", "indices": "the indices", "self": "σ",
        // The second solution's names (`OtherSolution.second`), whose mutants the table holds too.
        "products": "the products wᵢ·xᵢ", "pair": "(wᵢ, xᵢ)", "dot": "w·x", "sigma": "σ(z)", "complement": "1 − σ(z)",
        "row": "the row", "column": "the column", "b": "b", "f": "g", "value": "zᵢ", "product": "W·a_prev",
        "signal": "a", "k": "the layer's index", "whenPositive": "y·log ŷ", "whenNegative": "(1 − y)·log(1 − ŷ)",
        "perSample": "the losses", "lossSum": "the summed loss", "fromPositive": "−y/ŷ", "fromNegative": "(1 − y)/(1 − ŷ)",
        "slope": "g′(z)", "delta": "dz", "previousWeights": "W before the step", "step": "α·dW", "start": "∂L/∂ŷ",
        "gradient": "da", "position": "the layer's index", "current": "the samples", "epochNumber": "the epoch",
        "pass": "the pass", "order": "the permutation", "output": "a", "prediction": "ŷ", "label": "y",
        "epochLosses": "the losses", "average": "the average loss", "guess": "the prediction", "truth": "the actual label",
        "correct": "TP + TN", "everything": "the total", "calledPositive": "TP + FP", "actuallyPositive": "TP + FN",
        "numerator": "the numerator", "denominator": "the denominator", "i": "the index", "sum": "the sum",
    ]

    /// The symbol for `name`, or "a name" when the course has none for it.
    static func symbol(_ name: String) -> String {
        symbols[name] ?? "a name"
    }

    /// The course's operator for a code operator: `−` for `-`, `·` for `*`, …
    static func operatorSymbol(_ code: String) -> String {
        switch code {
        case "-": "−"
        case "*": "·"
        case "/": "÷"
        case "<=": "≤"
        case ">=": "≥"
        case "!=": "≠"
        case "&&": "and"
        case "||": "or"
        case "-=": "−="
        case "..<": "up to (excluded)"
        case "...": "up to (included)"
        default: code
        }
    }

    /// An expression in the course's notation: names as symbols, operators as the
    /// chapters write them. Calls and members read "f(…)".
    /// Argument labels are left out (`f(label: x)` reads "f(x)"), and so is a
    /// type before a static call (`TrainingError.check(…)` reads "check(…)").
    static func render(_ tokens: ArraySlice<SwiftTokens.Token>) -> String {
        var text = ""
        var previous: SwiftTokens.Token?
        let tokens = Array(tokens)
        var skip = 0
        var spaceOfSkippedType = false
        for (index, token) in tokens.enumerated() {
            if skip > 0 { skip -= 1; continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if token.kind == .identifier, next?.is(.punctuation, ":") == true, previous != nil {
                skip = 1
                previous = tokens[index + 1]
                continue
            }
            if token.kind == .identifier, token.text.first?.isUppercase == true, next?.is(.punctuation, ".") == true {
                skip = 1
                spaceOfSkippedType = token.spaceBefore
                continue
            }
            let piece: String
            switch token.kind {
            case .identifier where token.text == "self" && next?.is(.punctuation, "(") == true:
                piece = "σ"
            case .identifier where SwiftTokens.keywords.contains(token.text):
                piece = token.text
            case .identifier:
                piece = previous?.is(.punctuation, ".") == true && token.text == "transposed" ? "ᵀ" : symbol(token.text)
            case .operator where token.text == "...": piece = "…"
            case .operator where token.text == "..<": piece = "..<"
            case .operator: piece = operatorSymbol(token.text)
            default: piece = token.text
            }
            if piece == "ᵀ", text.hasSuffix(".") {
                text.removeLast()
            }
            let afterLabel = previous?.is(.punctuation, ":") == true && token.spaceBefore && text.hasSuffix("(")
            if (token.spaceBefore || spaceOfSkippedType) && !afterLabel && !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            spaceOfSkippedType = false
            text += piece
            previous = token
        }
        // `activation.derivative(z)` reads g′(z), not g.g′(z).
        return text.replacingOccurrences(of: "g.g′", with: "g′")
    }
}
