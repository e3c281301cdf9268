/// How much of each pixel a shape covers, in 0...1, over a window of the canvas.
///
/// Shapes are rasterised analytically from the distance of each pixel centre to the shape's
/// edge, so a 2 px line or a round marker comes out smooth without a supersampled layer.
/// Coverage combines by maximum, so the joints of a polyline never darken.
struct CoverageMask {
    let originX: Int
    let originY: Int
    let width: Int
    let height: Int
    private(set) var values: [Float]

    /// A mask over `rect` (rounded outwards) limited to the canvas.
    init(covering rect: PixelRect, canvasWidth: Int, canvasHeight: Int) {
        let minX = max(0, Int(rect.minX.rounded(.down)))
        let minY = max(0, Int(rect.minY.rounded(.down)))
        let maxX = min(canvasWidth, Int(rect.maxX.rounded(.up)))
        let maxY = min(canvasHeight, Int(rect.maxY.rounded(.up)))
        originX = minX
        originY = minY
        width = max(0, maxX - minX)
        height = max(0, maxY - minY)
        values = [Float](repeating: 0, count: width * height)
    }

    /// A segment with round caps, `radius` being half the line width.
    mutating func addCapsule(from a: PixelPoint, to b: PixelPoint, radius: Double) {
        let reach = radius + 1
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        forEachPixel(minX: min(a.x, b.x) - reach, maxX: max(a.x, b.x) + reach,
                     minY: min(a.y, b.y) - reach, maxY: max(a.y, b.y) + reach) { px, py in
            var t = lengthSquared > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / lengthSquared : 0
            t = min(max(t, 0), 1)
            let ex = px - (a.x + t * dx), ey = py - (a.y + t * dy)
            return radius + 0.5 - (ex * ex + ey * ey).squareRoot()
        }
    }

    mutating func addPolyline(_ points: [PixelPoint], radius: Double) {
        if points.count == 1 {
            addCapsule(from: points[0], to: points[0], radius: radius)
        }
        for index in points.indices.dropFirst() {
            addCapsule(from: points[index - 1], to: points[index], radius: radius)
        }
    }

    mutating func addDisk(center: PixelPoint, radius: Double) {
        forEachPixel(minX: center.x - radius - 1, maxX: center.x + radius + 1,
                     minY: center.y - radius - 1, maxY: center.y + radius + 1) { px, py in
            let ex = px - center.x, ey = py - center.y
            return radius + 0.5 - (ex * ex + ey * ey).squareRoot()
        }
    }

    /// A square standing on a corner; `radius` is centre to corner.
    mutating func addDiamond(center: PixelPoint, radius: Double) {
        forEachPixel(minX: center.x - radius - 1, maxX: center.x + radius + 1,
                     minY: center.y - radius - 1, maxY: center.y + radius + 1) { px, py in
            // Distance to the edge of the L1 ball is the L1 excess over √2.
            (radius - abs(px - center.x) - abs(py - center.y)) / 2.0.squareRoot() + 0.5
        }
    }

    /// `coverage` gets the signed distance, in pixels, from the pixel centre to the shape's edge
    /// plus one half (positive inside); it is clamped to 0...1.
    private mutating func forEachPixel(
        minX: Double, maxX: Double, minY: Double, maxY: Double,
        coverage: (Double, Double) -> Double
    ) {
        let x0 = max(originX, Int(minX.rounded(.down))), x1 = min(originX + width, Int(maxX.rounded(.up)))
        let y0 = max(originY, Int(minY.rounded(.down))), y1 = min(originY + height, Int(maxY.rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            for y in y0..<y1 {
                let row = (y - originY) * width - originX
                let centerY = Double(y) + 0.5
                for x in x0..<x1 {
                    // Full already: no shape can add to it (a dense line's many segments mostly land here).
                    if buffer[row + x] >= 1 { continue }
                    let amount = Float(min(max(coverage(Double(x) + 0.5, centerY), 0), 1))
                    if amount > buffer[row + x] { buffer[row + x] = amount }
                }
            }
        }
    }
}
