import CourseData

// This file imports only CourseData, so that exercise code cannot reach files,
// processes or the network. It gives the math the exercises need as
// `Double.exp(x)` and `Double.log(x)` (`.exp(x)` where a Double is expected).

/// Binary cross-entropy of one prediction ŷ for the label y ∈ {0, 1}:
/// L = −(y·log ŷ + (1 − y)·log(1 − ŷ)).
///
/// Like the course, this takes the logarithm as it is, without clipping: a
/// prediction of exactly 0 or 1 for the wrong label gives an infinite loss.
/// `Perceptron.fit` watches for that and stops with an explanation.
public func binaryCrossEntropy(label y: Double, prediction yHat: Double) -> Double {
    // Exercise 5.1: binaryCrossEntropy
    // BEGIN SOLUTION
    -(y * .log(yHat) + (1 - y) * .log(1 - yHat))
    // END SOLUTION
}

/// The average binary cross-entropy over N samples: (1/N)·Σ L(yᵢ, ŷᵢ).
public func averageBinaryCrossEntropy(labels: [Double], predictions: [Double]) -> Double {
    precondition(labels.count == predictions.count && !labels.isEmpty,
                 "need as many predictions as labels, and at least one")
    // Exercise 5.2: averageBinaryCrossEntropy
    // BEGIN SOLUTION
    var total = 0.0
    for (y, yHat) in zip(labels, predictions) {
        total += binaryCrossEntropy(label: y, prediction: yHat)
    }
    return total / Double(labels.count)
    // END SOLUTION
}

/// ∂L/∂ŷ, the gradient the backward pass starts from:
/// da^n = (ŷ − y) / (ŷ·(1 − ŷ)).
public func binaryCrossEntropyGradient(label y: Double, prediction yHat: Double) -> Double {
    // Exercise 6.1: binaryCrossEntropyGradient
    // BEGIN SOLUTION
    (yHat - y) / (yHat * (1 - yHat))
    // END SOLUTION
}
