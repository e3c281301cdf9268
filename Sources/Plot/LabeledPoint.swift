/// A data point with its class (0 or 1), and whether it was held out for testing.
public struct LabeledPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var label: Int
    public var isTest: Bool

    public init(x: Double, y: Double, label: Int, isTest: Bool = false) {
        self.x = x
        self.y = y
        self.label = label
        self.isTest = isTest
    }
}
