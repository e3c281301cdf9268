import Foundation

/// A ringed scatter marker: a dark ring around a coloured fill, so points read on any background.
public struct MarkerStyle: Sendable, Equatable {
    public enum Shape: Sendable { case circle, diamond }

    public var shape: Shape
    public var fill: Color
    public var ring: Color
    /// Centre to outer edge, in pixels.
    public var radius: Double
    public var ringWidth: Double

    public init(shape: Shape, fill: Color, ring: Color = Color(hex: 0x1A1A1A), radius: Double, ringWidth: Double) {
        self.shape = shape
        self.fill = fill
        self.ring = ring
        self.radius = radius
        self.ringWidth = ringWidth
    }

    func draw(on canvas: Canvas, at center: PixelPoint) {
        switch shape {
        case .circle:
            canvas.fillCircle(center: center, radius: radius, color: ring)
            canvas.fillCircle(center: center, radius: radius - ringWidth, color: fill)
        case .diamond:
            // A diamond's corner sticks out further than a circle of the same radius looks.
            let corner = radius * 1.3
            canvas.fillDiamond(center: center, radius: corner, color: ring)
            canvas.fillDiamond(center: center, radius: corner - ringWidth * 2.0.squareRoot(), color: fill)
        }
    }
}

/// A ring drawn around a marker to single it out (a misclassified point, say): a coloured band
/// between two dark edges, so it reads on pale and saturated backgrounds alike and is not
/// mistaken for a class colour or the dark decision contour.
public struct RingMark: Sendable, Equatable {
    public var color: Color
    public var edge: Color
    /// Centre to the band's middle, in pixels.
    public var radius: Double
    /// Width of the coloured band, in pixels; each dark edge adds `edgeWidth` on either side.
    public var width: Double
    public var edgeWidth: Double

    public init(color: Color, edge: Color = Color(hex: 0x1A1A1A), radius: Double, width: Double, edgeWidth: Double) {
        self.color = color
        self.edge = edge
        self.radius = radius
        self.width = width
        self.edgeWidth = edgeWidth
    }

    /// Centre to the outer dark edge.
    public var outerRadius: Double { radius + width / 2 + edgeWidth }

    func draw(on canvas: Canvas, at center: PixelPoint) {
        // A closed polyline of short chords is a smooth circle at these sizes.
        let steps = 48
        let circle = (0...steps).map { step -> PixelPoint in
            let angle = Double(step) / Double(steps) * 2 * Double.pi
            return PixelPoint(x: center.x + radius * cos(angle), y: center.y + radius * sin(angle))
        }
        canvas.strokePolyline(circle, color: edge, width: width + 2 * edgeWidth)
        canvas.strokePolyline(circle, color: color, width: width)
    }
}
