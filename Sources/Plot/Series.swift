/// One line of a chart: named values, drawn in order of `x`'s positions as given.
public struct Series: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]

    public init(_ name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }

    /// Values against 1, 2, 3, …, as for one value per epoch.
    public init(_ name: String, y: [Double]) {
        self.init(name, x: y.indices.map { Double($0 + 1) }, y: y)
    }

    /// The drawable stretches: a NaN or infinite value (or a non-positive one on a logarithmic
    /// axis) is left out and breaks the line there, rather than being drawn as garbage.
    func runs(logarithmicY: Bool) throws -> [[(x: Double, y: Double)]] {
        guard x.count == y.count else {
            throw PlotError.mismatchedLengths(name: name, xCount: x.count, yCount: y.count)
        }
        guard !x.isEmpty else { throw PlotError.emptySeries(name: name) }
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        var sawFinite = false
        for (px, py) in zip(x, y) {
            let finite = px.isFinite && py.isFinite
            sawFinite = sawFinite || finite
            if finite && (!logarithmicY || py > 0) {
                current.append((px, py))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        guard sawFinite else { throw PlotError.noFiniteValues(name: name) }
        guard !runs.isEmpty else { throw PlotError.noPositiveValues(name: name) }
        return runs
    }
}
