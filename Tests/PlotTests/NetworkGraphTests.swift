import Foundation
@testable import Plot
import Testing

struct NetworkGraphTests {
    /// The layout the chart draws at 800×600, computed on a canvas of that size.
    private func layout(of graph: NetworkGraph) throws -> NetworkGraph.Layout {
        let canvas = try Canvas.forChart(width: 800, height: 600)
        return try graph.layout(on: canvas, style: ChartStyle(width: 800, height: 600))
    }

    @Test func nodesStandInOneColumnPerLayer() throws {
        let boxes = try layout(of: Samples.networkForward).boxes
        #expect(boxes.map(\.count) == [2, 2, 1])
        // Columns run left to right without overlapping, nodes top to bottom.
        for (left, right) in zip(boxes, boxes.dropFirst()) {
            #expect(left.map(\.maxX).max()! < right.map(\.minX).min()!)
        }
        for column in boxes {
            for (upper, lower) in zip(column, column.dropFirst()) { #expect(upper.maxY < lower.minY) }
        }
        // The single output sits level with the middle of the two hidden neurons.
        #expect(abs(boxes[2][0].midY - (boxes[1][0].midY + boxes[1][1].midY) / 2) <= 1)
        // The boxes stay on the canvas.
        for box in boxes.joined() { #expect(box.minX >= 0 && box.maxX <= 800 && box.minY >= 0 && box.maxY <= 600) }
    }

    /// Each edge is drawn in the colour of its weight's gradient: sampled two thirds of the way
    /// along, past its label and clear of the crossing in the middle of the first layer's edges.
    /// Gradients far apart on the scale, so an edge drawn with its neighbour's would show.
    @Test func edgesTakeTheColourOfTheirGradient() throws {
        var graph = Samples.networkGradients
        graph.layers[0].gradients!.weights = [[-1, 2], [0.5, -2.75]]
        graph.layers[1].gradients!.weights = [[1.5, -0.25]]
        let layout = try layout(of: graph)
        let canvas = try Canvas.roundTrip(graph)
        let largest = graph.largestWeightGradient
        #expect(largest == 2.75)
        for (column, layer) in graph.layers.enumerated() {
            for (to, row) in layer.gradients!.weights.enumerated() {
                for (from, gradient) in row.enumerated() {
                    let point = layout.point(column: column, from: from, to: to, at: 0.8)
                    let drawn = canvas.color(atX: Int(point.x), y: Int(point.y))
                    let expected = NetworkGraph.edgeColor(gradient: gradient, largest: largest)
                    #expect(drawn.isClose(to: expected, tolerance: 12),
                            "edge \(from) → \(to) of layer \(column + 1), dW = \(gradient): drew \(drawn), expected \(expected)")
                }
            }
        }
    }

    @Test func forwardEdgesAreOneNeutralInk() throws {
        let graph = Samples.networkForward
        let layout = try layout(of: graph)
        let canvas = try Canvas.roundTrip(graph)
        let samples = [(0, 0, 0), (0, 1, 1), (1, 0, 0), (1, 1, 0)].map { column, from, to in
            let point = layout.point(column: column, from: from, to: to, at: 0.8)
            return canvas.color(atX: Int(point.x), y: Int(point.y))
        }
        for color in samples {
            #expect(!color.isBluish && !color.isReddish && color.luminance < 0.7, "edge pixel \(color)")
        }
    }

    /// Negative gradients are blue, positive red, 0 the scale's middle, and equal sizes equally strong.
    @Test func theScaleDivergesAroundZero() {
        let largest = 3.0
        #expect(NetworkGraph.edgeColor(gradient: -3, largest: largest) == Palette.diverging.first)
        #expect(NetworkGraph.edgeColor(gradient: 3, largest: largest) == Palette.diverging.last)
        #expect(NetworkGraph.edgeColor(gradient: 0, largest: largest) == Palette.diverging[4])
        #expect(NetworkGraph.edgeColor(gradient: -1.2, largest: largest).isBluish)
        #expect(NetworkGraph.edgeColor(gradient: 1.2, largest: largest).isReddish)
        for gradient in [0.5, 1.5, 2.5] {
            let darker = NetworkGraph.edgeColor(gradient: gradient + 0.4, largest: largest).luminance
            #expect(darker < NetworkGraph.edgeColor(gradient: gradient, largest: largest).luminance)
        }
        // Every gradient 0 (a network that did not move) is drawn at the middle, not as NaN.
        #expect(NetworkGraph.edgeColor(gradient: 0, largest: 0) == Palette.diverging[4])
    }

    @Test func numbersAreShortAndUseATrueMinus() {
        #expect(NetworkGraph.format(5.5) == "5.5")
        #expect(NetworkGraph.format(-0.1) == "−0.1")
        #expect(NetworkGraph.format(-2.75) == "−2.75")
        // σ(−2) = 1/(1 + e²) = 0.119202922…
        #expect(NetworkGraph.format(1 / (1 + exp(2))) == "0.1192")
        #expect(NetworkGraph.format(-0.0) == "0")
        #expect(NetworkGraph.format(.nan) == "NaN")
    }

    /// Every box carries its numbers: dark text pixels inside each node's box.
    @Test func everyNodeShowsItsNumbers() throws {
        let graph = Samples.networkGradients
        let layout = try layout(of: graph)
        let canvas = try Canvas.roundTrip(graph)
        for box in layout.boxes.joined() {
            let inside = canvas.count(where: \.isDark, xs: Int(box.minX) + 2..<Int(box.maxX) - 2,
                                      ys: Int(box.minY) + 2..<Int(box.maxY) - 2)
            #expect(inside > 60, "only \(inside) dark pixels in the box at \(box)")
        }
    }

    @Test func shapesThatDoNotChainAreRefused() {
        var graph = Samples.networkForward
        graph.layers[1].weights = [[0.2, 3, 1]]
        #expect(throws: PlotError.self) { try graph.render(width: 800, height: 600) }
        var gradients = Samples.networkGradients
        gradients.layers[0].gradients!.weights = [[0]]
        #expect(throws: PlotError.self) { try gradients.render(width: 800, height: 600) }
        var noInputs = Samples.networkForward
        noInputs.inputs = []
        #expect(throws: PlotError.self) { try noInputs.render(width: 800, height: 600) }
    }

    /// A graph of someone's own pass beside the hand-worked numbers: what differs
    /// is written "mine ≠ expected" in red, and nothing is red when all agree.
    @Test func numbersThatDifferFromTheExpectedOnesAreMarkedInRed() throws {
        let correct = Samples.networkForward
        let expected = NetworkGraph.Numbers(inputs: correct.inputs, layers: correct.layers)
        #expect(NetworkGraph.cell(5.5, expected: 5.5 + 1e-12) == ("5.5", false), "within a relative 1e-9")
        #expect(NetworkGraph.cell(6.5, expected: 5.5) == ("6.5 ≠ 5.5", true))
        #expect(NetworkGraph.cell(.nan, expected: 0.5).wrong)

        func redPixels(_ graph: NetworkGraph) throws -> Int {
            try Canvas.roundTrip(graph).count(where: { $0.isClose(to: NetworkGraph.wrongColor, tolerance: 40) },
                                              xs: 0..<800, ys: 0..<600)
        }
        var same = correct
        same.expected = expected
        #expect(try redPixels(same) == 0)
        var wrong = same
        wrong.layers[0].weightedSums[0] += 1
        #expect(try redPixels(wrong) > 100, "the wrong z and its box are red")
    }
}
