import CourseData

/// Z-scores for the inputs: x' = (x − mean) / std per feature, with the mean
/// and the population standard deviation (NumPy's `x.std(axis=0)`, ddof = 0,
/// as scikit-learn's `StandardScaler`) of the training part.
///
/// A constant feature (std 0) is left as it is: it gets mean 0 and std 1, the identity.
public struct Standardization: Codable, Equatable, Sendable {
    /// One per feature.
    public var mean: [Double]
    /// One per feature, every one positive.
    public var std: [Double]

    public init(mean: [Double], std: [Double]) {
        self.mean = mean
        self.std = std
    }

    /// The statistics of `data`'s features; `constantFeatures` lists (from 0)
    /// the features left as they are because all their values are equal.
    public init(fitting data: DataSet) {
        let count = Double(data.count)
        var mean: [Double] = [], std: [Double] = []
        var constant: [Int] = []
        for column in 0..<data.featureCount {
            let m = data.features.reduce(0) { $0 + $1[column] } / count
            let variance = data.features.reduce(0) { $0 + ($1[column] - m) * ($1[column] - m) } / count
            let s = variance.squareRoot()
            if s > 0 && s.isFinite {
                mean.append(m)
                std.append(s)
            } else {
                mean.append(0)
                std.append(1)
                constant.append(column)
            }
        }
        self.init(mean: mean, std: std)
        constantFeatures = constant
    }

    /// The features `init(fitting:)` found constant; not stored in the model file.
    public private(set) var constantFeatures: [Int] = []

    private enum CodingKeys: String, CodingKey { case mean, std }

    /// Equal when they transform alike.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.mean == rhs.mean && lhs.std == rhs.std }

    /// One sample's features, standardized.
    public func apply(_ features: [Double]) -> [Double] {
        precondition(features.count == mean.count, "standardization of \(mean.count) features given \(features.count)")
        return (0..<features.count).map { (features[$0] - mean[$0]) / std[$0] }
    }

    /// Every sample of `data`, standardized; the labels unchanged.
    public func apply(_ data: DataSet) -> DataSet {
        DataSet(features: data.features.map(apply), labels: data.labels)
    }
}
