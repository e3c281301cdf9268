import Foundation

/// Small two-feature data sets of our own, drawn from `NumPyRandom` so that the
/// same seed always gives the same file. Labels are 0 and 1; features lie
/// roughly in [−1.5, 2.5].
extension DataSet {
    /// The shapes the workbook can generate.
    public enum Shape: String, CaseIterable, Sendable {
        case xor, moons, circles
    }

    /// A generated set of `count` samples of `shape`.
    public static func generated(_ shape: Shape, count: Int = 400, noise: Double? = nil, seed: UInt32 = 0) -> DataSet {
        switch shape {
        case .xor: noisyXOR(count: count, noise: noise ?? 0.15, seed: seed)
        case .moons: twoMoons(count: count, noise: noise ?? 0.15, seed: seed)
        case .circles: circles(count: count, noise: noise ?? 0.08, seed: seed)
        }
    }

    /// Points scattered around the four corners of the unit square; the label is
    /// 1 where exactly one coordinate is near 1 (exclusive or).
    public static func noisyXOR(count: Int, noise: Double, seed: UInt32) -> DataSet {
        var random = NumPyRandom(seed: seed)
        var features: [[Double]] = []
        var labels: [Double] = []
        for _ in 0..<count {
            let a = random.nextDouble() < 0.5 ? 0.0 : 1.0
            let b = random.nextDouble() < 0.5 ? 0.0 : 1.0
            features.append([a + random.normal(deviation: noise), b + random.normal(deviation: noise)])
            labels.append(a == b ? 0 : 1)
        }
        return DataSet(features: features, labels: labels)
    }

    /// Two interleaving half circles, as scikit-learn's `make_moons`, in random order.
    public static func twoMoons(count: Int, noise: Double, seed: UInt32) -> DataSet {
        var random = NumPyRandom(seed: seed)
        var features: [[Double]] = []
        var labels: [Double] = []
        for _ in 0..<count {
            let upper = random.nextDouble() < 0.5
            let angle = Double.pi * random.nextDouble()
            let point = upper
                ? [cos(angle), sin(angle)]
                : [1 - cos(angle), 0.5 - sin(angle)]
            features.append([point[0] + random.normal(deviation: noise),
                             point[1] + random.normal(deviation: noise)])
            labels.append(upper ? 0 : 1)
        }
        return DataSet(features: features, labels: labels)
    }

    /// A ring around a disc: label 1 inside (radius 0.5), 0 on the ring (radius 1).
    public static func circles(count: Int, noise: Double, seed: UInt32) -> DataSet {
        var random = NumPyRandom(seed: seed)
        var features: [[Double]] = []
        var labels: [Double] = []
        for _ in 0..<count {
            let inner = random.nextDouble() < 0.5
            let angle = 2 * Double.pi * random.nextDouble()
            let radius = inner ? 0.5 : 1.0
            features.append([radius * cos(angle) + random.normal(deviation: noise),
                             radius * sin(angle) + random.normal(deviation: noise)])
            labels.append(inner ? 1 : 0)
        }
        return DataSet(features: features, labels: labels)
    }
}
