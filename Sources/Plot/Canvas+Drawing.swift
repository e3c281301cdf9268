import CGD

/// Drawing primitives. Lines and markers are anti-aliased; rectangles and 1 px axis lines are
/// pixel-aligned on purpose, so frames and grid lines stay crisp.
extension Canvas {
    /// Paints `color` through `mask`, `opacity` scaling its coverage.
    func composite(_ mask: CoverageMask, color: Color, opacity: Double = 1) {
        guard mask.width > 0, mask.height > 0 else { return }
        let red = Float(color.red), green = Float(color.green), blue = Float(color.blue)
        let strength = Float(min(max(opacity, 0), 1))
        mask.values.withUnsafeBufferPointer { coverage in
            for y in 0..<mask.height {
                guard let row = cgd_truecolor_row(image, Int32(mask.originY + y)) else { continue }
                for x in 0..<mask.width {
                    let amount = coverage[y * mask.width + x] * strength
                    guard amount > 0 else { continue }
                    let pixel = row[mask.originX + x]
                    let keep = 1 - amount
                    let r = Float((pixel >> 16) & 0xFF) * keep + red * amount
                    let g = Float((pixel >> 8) & 0xFF) * keep + green * amount
                    let b = Float(pixel & 0xFF) * keep + blue * amount
                    row[mask.originX + x] = Int32(r.rounded()) << 16 | Int32(g.rounded()) << 8 | Int32(b.rounded())
                }
            }
        }
    }

    /// A smooth polyline `width` pixels wide with round joins, drawn only inside `clip`.
    /// `dashes` alternates drawn and skipped lengths in pixels.
    public func strokePolyline(
        _ points: [PixelPoint], color: Color, width: Double = 2, clip: PixelRect? = nil, dashes: [Double] = []
    ) {
        guard !points.isEmpty else { return }
        let window = clip ?? PixelRect(x: 0, y: 0, width: Double(self.width), height: Double(height))
        var mask = CoverageMask(covering: window, canvasWidth: self.width, canvasHeight: height)
        for piece in Dashes.split(points, pattern: dashes) {
            mask.addPolyline(piece, radius: width / 2)
        }
        composite(mask, color: color)
    }

    public func fillCircle(center: PixelPoint, radius: Double, color: Color) {
        var mask = markerMask(center: center, radius: radius)
        mask.addDisk(center: center, radius: radius)
        composite(mask, color: color)
    }

    /// A filled diamond (a square on its corner), `radius` from centre to corner.
    public func fillDiamond(center: PixelPoint, radius: Double, color: Color) {
        var mask = markerMask(center: center, radius: radius)
        mask.addDiamond(center: center, radius: radius)
        composite(mask, color: color)
    }

    private func markerMask(center: PixelPoint, radius: Double) -> CoverageMask {
        CoverageMask(
            covering: PixelRect(x: center.x - radius - 2, y: center.y - radius - 2,
                                width: 2 * radius + 4, height: 2 * radius + 4),
            canvasWidth: width, canvasHeight: height)
    }

    /// Fills whole pixels from `rect` rounded to the nearest pixel edges; below full `opacity`
    /// what was there shows through.
    public func fillRectangle(_ rect: PixelRect, color: Color, opacity: Double = 1) {
        let x0 = Int32(rect.minX.rounded()), y0 = Int32(rect.minY.rounded())
        let x1 = Int32(rect.maxX.rounded()) - 1, y1 = Int32(rect.maxY.rounded()) - 1
        guard x1 >= x0, y1 >= y0 else { return }
        // libgd's alpha runs from 0 (opaque) to 127 (transparent) and blends as it fills.
        let alpha = Int32((127 * (1 - min(max(opacity, 0), 1))).rounded())
        GD.library.imageFilledRectangle(image, x0, y0, x1, y1, color.gdValue | alpha << 24)
    }

    /// A 1 px outline just inside `rect`'s rounded edges.
    public func strokeRectangle(_ rect: PixelRect, color: Color) {
        let x0 = Int32(rect.minX.rounded()), y0 = Int32(rect.minY.rounded())
        let x1 = Int32(rect.maxX.rounded()) - 1, y1 = Int32(rect.maxY.rounded()) - 1
        GD.library.imageRectangle(image, x0, y0, x1, y1, color.gdValue)
    }

    /// A crisp 1 px horizontal or vertical line between whole pixels.
    func drawPixelLine(x0: Int, y0: Int, x1: Int, y1: Int, color: Color) {
        GD.library.imageLine(image, Int32(x0), Int32(y0), Int32(x1), Int32(y1), color.gdValue)
    }
}

/// Cuts a polyline into the drawn pieces of a dash pattern.
enum Dashes {
    static func split(_ points: [PixelPoint], pattern: [Double]) -> [[PixelPoint]] {
        guard pattern.count >= 2, pattern.allSatisfy({ $0 > 0 }), points.count > 1 else { return [points] }
        var pieces: [[PixelPoint]] = []
        var current: [PixelPoint] = [points[0]]
        var patternIndex = 0
        var remaining = pattern[0]
        var drawing = true
        for index in points.indices.dropFirst() {
            var start = points[index - 1]
            let end = points[index]
            var length = ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot()
            while length > remaining {
                let t = remaining / length
                let cut = PixelPoint(x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t)
                if drawing {
                    current.append(cut)
                    pieces.append(current)
                } else {
                    current = [cut]
                }
                drawing.toggle()
                length -= remaining
                start = cut
                patternIndex = (patternIndex + 1) % pattern.count
                remaining = pattern[patternIndex]
            }
            remaining -= length
            if drawing { current.append(end) }
        }
        if drawing, current.count > 1 { pieces.append(current) }
        return pieces
    }
}
