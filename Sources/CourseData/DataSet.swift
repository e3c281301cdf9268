/// Samples for binary classification: one row of features and a 0/1 label each.
public struct DataSet: Equatable, Sendable {
    public var features: [[Double]]
    public var labels: [Double]

    public init(features: [[Double]], labels: [Double]) {
        precondition(features.count == labels.count, "need one label per sample")
        self.features = features
        self.labels = labels
    }

    public var count: Int { labels.count }
    public var featureCount: Int { features.first?.count ?? 0 }

    /// The samples in the order `permutation` gives: sample i of the result is
    /// sample `permutation[i]` of this set, as `X[perm]` in NumPy.
    public func reordered(by permutation: [Int]) -> DataSet {
        DataSet(features: permutation.map { features[$0] }, labels: permutation.map { labels[$0] })
    }

    /// The first (1 − testFraction) of the samples for training and the rest for
    /// testing, in file order. The test part has round(count × testFraction)
    /// samples; shuffle before splitting if the file is sorted by class.
    public func split(testFraction: Double) -> (train: DataSet, test: DataSet) {
        precondition((0..<1).contains(testFraction), "the test fraction must be in [0, 1)")
        let testCount = Int((Double(count) * testFraction).rounded())
        let trainCount = count - testCount
        return (
            DataSet(features: Array(features[..<trainCount]), labels: Array(labels[..<trainCount])),
            DataSet(features: Array(features[trainCount...]), labels: Array(labels[trainCount...]))
        )
    }

    /// The smallest and largest value of each feature.
    public var featureRanges: [ClosedRange<Double>] {
        (0..<featureCount).map { column in
            let values = features.map { $0[column] }
            return values.min()!...values.max()!
        }
    }
}
