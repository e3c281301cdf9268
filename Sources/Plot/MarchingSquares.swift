/// Contour lines of a sampled field by marching squares: one or two straight pieces per grid
/// cell, placed on the cell edges by linear interpolation.
enum MarchingSquares {
    /// Segments where `field` crosses `level`, in pixel coordinates (node pixel centres).
    static func segments(of field: ProbabilityField, level: Float) -> [(PixelPoint, PixelPoint)] {
        let columns = field.nodeColumns, rows = field.nodeRows
        var segments: [(PixelPoint, PixelPoint)] = []
        guard columns.count > 1, rows.count > 1 else { return segments }
        for j in 0..<(rows.count - 1) {
            for i in 0..<(columns.count - 1) {
                let topLeft = field.value(column: i, row: j), topRight = field.value(column: i + 1, row: j)
                let bottomRight = field.value(column: i + 1, row: j + 1), bottomLeft = field.value(column: i, row: j + 1)
                var index = 0
                if topLeft >= level { index |= 8 }
                if topRight >= level { index |= 4 }
                if bottomRight >= level { index |= 2 }
                if bottomLeft >= level { index |= 1 }
                guard index != 0, index != 15 else { continue }

                let x0 = Double(columns[i]) + 0.5, x1 = Double(columns[i + 1]) + 0.5
                let y0 = Double(rows[j]) + 0.5, y1 = Double(rows[j + 1]) + 0.5
                func between(_ a: Float, _ b: Float) -> Double {
                    a == b ? 0.5 : Double((level - a) / (b - a))
                }
                let top = PixelPoint(x: x0 + (x1 - x0) * between(topLeft, topRight), y: y0)
                let right = PixelPoint(x: x1, y: y0 + (y1 - y0) * between(topRight, bottomRight))
                let bottom = PixelPoint(x: x0 + (x1 - x0) * between(bottomLeft, bottomRight), y: y1)
                let left = PixelPoint(x: x0, y: y0 + (y1 - y0) * between(topLeft, bottomLeft))
                let centerAbove = (topLeft + topRight + bottomRight + bottomLeft) / 4 >= level

                switch index {
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((top, right))
                case 6, 9: segments.append((top, bottom))
                case 7, 8: segments.append((left, top))
                case 5:  // top-right and bottom-left above: a saddle, settled by the centre
                    if centerAbove {
                        segments.append((left, top)); segments.append((bottom, right))
                    } else {
                        segments.append((left, bottom)); segments.append((top, right))
                    }
                case 10:  // top-left and bottom-right above
                    if centerAbove {
                        segments.append((left, bottom)); segments.append((top, right))
                    } else {
                        segments.append((left, top)); segments.append((bottom, right))
                    }
                default: break
                }
            }
        }
        return segments
    }
}
