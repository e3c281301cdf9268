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
