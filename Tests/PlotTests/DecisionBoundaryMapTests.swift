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

struct MisclassifiedPointTests {
    static func map(predicted: Int?) -> DecisionBoundaryMap {
        let points = [LabeledPoint(x: -0.5, y: 0.5, label: 0, isTest: true, predicted: 0),
                      LabeledPoint(x: 0.5, y: -0.5, label: 1, isTest: true, predicted: predicted)]
        return DecisionBoundaryMap(title: "", points: points, xRange: -1...1, yRange: -1...1) { x, y in
            DecisionBoundaryMapTests.sigmoid(10 * (x - y))
        }
    }

    static func centroid(of pixels: [(x: Int, y: Int)]) -> (x: Double, y: Double) {
        (Double(pixels.map(\.x).reduce(0, +)) / Double(pixels.count),
         Double(pixels.map(\.y).reduce(0, +)) / Double(pixels.count))
    }

    static func pixels(in canvas: Canvas, where predicate: (Color) -> Bool) -> [(x: Int, y: Int)] {
        // Below the legend row, left of the colour scale.
        (100..<600).flatMap { y in (0..<680).compactMap { x in predicate(canvas.color(atX: x, y: y)) ? (x, y) : nil } }
    }

    @Test func aMisclassifiedPointIsRingedInTheMarkColourAroundItsMarker() throws {
        let canvas = try Canvas.roundTrip(Self.map(predicted: 0))
        let isMark = { (color: Color) in color.isClose(to: DecisionBoundaryMap.misclassifiedColor, tolerance: 12) }
        let isClass1 = { (color: Color) in color.isClose(to: Palette.classColors[1], tolerance: 8) }
        let ring = Self.pixels(in: canvas, where: isMark)
        let marker = Self.pixels(in: canvas, where: isClass1)
        #expect(ring.count > 60, "a ring about 3 px wide and 80 px around, not \(ring.count) px")
        let ringCenter = Self.centroid(of: ring), markerCenter = Self.centroid(of: marker)
        #expect(abs(ringCenter.x - markerCenter.x) < 1.5 && abs(ringCenter.y - markerCenter.y) < 1.5,
                "ring centred at \(ringCenter), marker at \(markerCenter)")
        // The ring surrounds the marker without covering it: its pixels are all farther out.
        let distances = ring.map { pixel -> Double in
            let dx = Double(pixel.x) - markerCenter.x, dy = Double(pixel.y) - markerCenter.y
            return (dx * dx + dy * dy).squareRoot()
        }
        #expect((distances.min() ?? 0) >= 8, "the ring's inner edge \(distances.min() ?? 0) px from the centre")
        // The legend row says so with the same colour.
        #expect(canvas.count(where: isMark, xs: 0..<800, ys: 0..<100) > 10)
    }

    @Test func rightOrUnknownPredictionsGetNoRing() throws {
        let isMark = { (color: Color) in color.isClose(to: DecisionBoundaryMap.misclassifiedColor, tolerance: 12) }
        for predicted in [1, nil] {
            let canvas = try Canvas.roundTrip(Self.map(predicted: predicted))
            #expect(canvas.count(where: isMark, xs: 0..<800, ys: 0..<600) == 0)
        }
    }

    @Test func misclassificationIsTheCallersPredictionAgainstTheLabel() {
        #expect(LabeledPoint(x: 0, y: 0, label: 1, predicted: 0).isMisclassified)
        #expect(!LabeledPoint(x: 0, y: 0, label: 1, predicted: 1).isMisclassified)
        #expect(!LabeledPoint(x: 0, y: 0, label: 1).isMisclassified)
    }
}
