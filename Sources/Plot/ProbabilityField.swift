/// A function of the plane sampled on a coarse pixel grid and read back bilinearly: a smooth
/// network output looks the same, for a fraction of the calls a value per pixel would cost.
struct ProbabilityField {
    /// Pixel columns and rows of the grid nodes, inside the field's pixel rectangle.
    let nodeColumns: [Int]
    let nodeRows: [Int]
    /// Values at the nodes, row by row.
    let values: [Float]

    /// Samples `probability` at the centres of every `step`-th pixel of `columns` × `rows`,
    /// always including the last column and row so the whole rectangle is covered.
    init(columns: Range<Int>, rows: Range<Int>, step: Int,
         pixelToData: (Double, Double) -> (x: Double, y: Double),
         probability: (Double, Double) -> Double) throws {
        nodeColumns = Self.nodes(columns, step: step)
        nodeRows = Self.nodes(rows, step: step)
        var values: [Float] = []
        values.reserveCapacity(nodeColumns.count * nodeRows.count)
        for row in nodeRows {
            for column in nodeColumns {
                let point = pixelToData(Double(column) + 0.5, Double(row) + 0.5)
                let value = probability(point.x, point.y)
                guard value.isFinite else { throw PlotError.nonFiniteProbability(x: point.x, y: point.y) }
                values.append(Float(min(max(value, 0), 1)))
            }
        }
        self.values = values
    }

    private static func nodes(_ range: Range<Int>, step: Int) -> [Int] {
        var nodes = Array(stride(from: range.lowerBound, to: range.upperBound, by: max(step, 1)))
        if let last = nodes.last, last != range.upperBound - 1 { nodes.append(range.upperBound - 1) }
        if nodes.count == 1 { nodes.append(nodes[0]) }
        return nodes
    }

    func value(column: Int, row: Int) -> Float {
        values[row * nodeColumns.count + column]
    }

    /// For each pixel from the first node to the last: the node before it and the fraction of
    /// the way to the next one.
    static func interpolationWeights(_ nodes: [Int]) -> [(index: Int, fraction: Float)] {
        var weights: [(index: Int, fraction: Float)] = []
        var index = 0
        for pixel in nodes.first!...nodes.last! {
            while index < nodes.count - 2, pixel >= nodes[index + 1] { index += 1 }
            let span = nodes[index + 1] - nodes[index]
            weights.append((index, span > 0 ? Float(pixel - nodes[index]) / Float(span) : 0))
        }
        return weights
    }
}
