/// A data point with its class (0 or 1), whether it was held out for testing, and what a
/// classifier predicted for it, if the caller wants that shown.
public struct LabeledPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// The true class.
    public var label: Int
    public var isTest: Bool
    /// The class a classifier predicted (0 or 1), or nil when predictions are not shown.
    /// Computed by the caller: charts know nothing of networks.
    public var predicted: Int?

    public init(x: Double, y: Double, label: Int, isTest: Bool = false, predicted: Int? = nil) {
        self.x = x
        self.y = y
        self.label = label
        self.isTest = isTest
        self.predicted = predicted
    }

    /// A prediction was given and it is not the true class.
    public var isMisclassified: Bool {
        predicted.map { $0 != label } ?? false
    }
}
