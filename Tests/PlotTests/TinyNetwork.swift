import Foundation
import Plot

/// A 2→6→6→1 ReLU/ReLU/sigmoid network with fixed weights: the shape and cost of the course
/// network, without depending on the network module.
struct TinyNetwork {
    private var w1: [Double] = [], b1: [Double] = []
    private var w2: [Double] = [], b2: [Double] = []
    private var w3: [Double] = [], b3 = 0.0

    init(seed: UInt64 = 10) {
        var state = seed
        func next() -> Double {
            // SplitMix64: reproducible without a dependency.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) * 4 - 2
        }
        w1 = (0..<12).map { _ in next() }; b1 = (0..<6).map { _ in next() }
        w2 = (0..<36).map { _ in next() }; b2 = (0..<6).map { _ in next() }
        w3 = (0..<6).map { _ in next() }; b3 = next()
    }

    func callAsFunction(_ x: Double, _ y: Double) -> Double {
        var hidden1 = [Double](repeating: 0, count: 6)
        for i in 0..<6 { hidden1[i] = max(0, w1[2 * i] * x + w1[2 * i + 1] * y + b1[i]) }
        var output = b3
        for i in 0..<6 {
            var sum = b2[i]
            for j in 0..<6 { sum += w2[6 * i + j] * hidden1[j] }
            output += w3[i] * max(0, sum)
        }
        return 1 / (1 + exp(-output))
    }

    /// Points labelled by the network itself with some noise, a fifth of them marked as test.
    func labeledPoints(count: Int = 200) -> [LabeledPoint] {
        (0..<count).map { index in
            let angle = Double(index) * 2.399963, radius = 2.5 * (Double(index) / Double(count)).squareRoot()
            let x = radius * cos(angle), y = radius * sin(angle)
            let flip = index % 13 == 0
            let label = (self(x, y) >= 0.5) != flip ? 1 : 0
            return LabeledPoint(x: x, y: y, label: label, isTest: index % 5 == 0)
        }
    }
}
