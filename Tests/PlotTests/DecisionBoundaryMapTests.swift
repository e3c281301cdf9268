import Foundation
import Plot
import Testing

struct DecisionBoundaryMapTests {
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Class 1 where x > y: below the diagonal of a square plot.
    static var diagonal: DecisionBoundaryMap { DecisionBoundaryMap(title: "Diagonal", points: [], xRange: -1...1, yRange: -1...1) { x, y in
        sigmoid(10 * (x - y))
    } }

    @Test func eachSideOfALinearBoundaryHasItsClassColour() throws {
        let canvas = try Canvas.roundTrip(Self.diagonal)
        var crossings: [Int] = []
        for y in stride(from: 150, to: 480, by: 10) {
            // Left of the colour scale, which shows both colours.
            let row = (0..<680).map { canvas.color(atX: $0, y: y) }
            let firstClass1 = row.firstIndex { $0.isReddish }
            let lastClass0 = row.lastIndex { $0.isBluish }
            let crossing = try #require(firstClass1, "row \(y) shows no class 1 colour")
            #expect(lastClass0 != nil, "row \(y) shows no class 0 colour")
            #expect(crossing > lastClass0 ?? .max, "row \(y): class 1 colour left of class 0 colour")
            crossings.append(crossing)
        }
        // x = y: the boundary runs from lower left to upper right.
        #expect(zip(crossings, crossings.dropFirst()).allSatisfy { $1 <= $0 + 1 })
        #expect(crossings.first! - crossings.last! > 200)
    }

    @Test func theHalfContourIsDrawnDark() throws {
        let canvas = try Canvas.roundTrip(Self.diagonal)
        let row = 300
        let colors = (120..<640).map { canvas.color(atX: $0, y: row) }  // inside the frame
        let firstClass1 = try #require(colors.firstIndex { $0.isReddish })
        let lastClass0 = try #require(colors.lastIndex { $0.isBluish })
        let dark = colors.indices.filter { colors[$0].isDark }
        #expect(!dark.isEmpty && dark.allSatisfy { $0 > lastClass0 && $0 < firstClass1 },
                "one dark line between the classes, not \(dark) outside \(lastClass0)..<\(firstClass1)")
        #expect(dark.count >= 2 && dark.count <= 5, "about 2 px wide where it crosses at 45°")
    }

    @Test func pointsAreDrawnInTheirClassColour() throws {
        let points = [LabeledPoint(x: -0.5, y: 0.5, label: 0), LabeledPoint(x: 0.5, y: -0.5, label: 1, isTest: true)]
        let map = DecisionBoundaryMap(title: "", points: points, xRange: -1...1, yRange: -1...1) { x, y in
            Self.sigmoid(10 * (x - y))
        }
        let canvas = try Canvas.roundTrip(map)
        let isClass0 = { (color: Color) in color.isClose(to: Palette.classColors[0], tolerance: 8) }
        let isClass1 = { (color: Color) in color.isClose(to: Palette.classColors[1], tolerance: 8) }
        // Marker fills sit in the upper-left and lower-right quarters; the legend row adds one of each.
        #expect(canvas.count(where: isClass0, xs: 0..<400, ys: 120..<600) > 30)
        #expect(canvas.count(where: isClass1, xs: 400..<700, ys: 300..<600) > 30)
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let network = TinyNetwork()
        let map = DecisionBoundaryMap(title: "Boundary", points: network.labeledPoints(), probability: network.callAsFunction)
        #expect(try map.pngData() == (try map.pngData()))
    }

    @Test func benchmarkHookReportsATime() throws {
        let network = TinyNetwork()
        let milliseconds = try PlotBenchmark.decisionBoundaryMilliseconds(
            probability: network.callAsFunction, points: network.labeledPoints(), repetitions: 1)
        #expect(milliseconds > 0 && milliseconds.isFinite)
    }
}
