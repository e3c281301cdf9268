import Foundation
import Plot

/// Ways of looking at a decoded chart: where a colour appears, how dark a region is.
extension Canvas {
    /// The chart drawn, encoded to PNG and decoded again, so tests see what a reader sees.
    static func roundTrip(_ chart: some Chart, width: Int = 800, height: Int = 600) throws -> Canvas {
        try Canvas.decodePNG(try chart.render(width: width, height: height).pngData())
    }

    /// Rows in column `x` whose pixel is within `tolerance` of `color` on every channel.
    func rows(matching color: Color, inColumn x: Int, tolerance: Int = 40) -> [Int] {
        (0..<height).filter { self.color(atX: x, y: $0).isClose(to: color, tolerance: tolerance) }
    }

    func count(where predicate: (Color) -> Bool, xs: Range<Int>, ys: Range<Int>) -> Int {
        var count = 0
        for y in ys { for x in xs where predicate(color(atX: x, y: y)) { count += 1 } }
        return count
    }
}

extension Color {
    func isClose(to other: Color, tolerance: Int) -> Bool {
        abs(Int(red) - Int(other.red)) <= tolerance && abs(Int(green) - Int(other.green)) <= tolerance
            && abs(Int(blue) - Int(other.blue)) <= tolerance
    }

    var isDark: Bool { luminance < 0.45 }
    var isBluish: Bool { Int(blue) > Int(red) + 30 }
    var isReddish: Bool { Int(red) > Int(blue) + 30 }
}
