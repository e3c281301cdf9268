import Foundation

/// Something that draws itself onto a fresh canvas.
public protocol Chart {
    func render(width: Int, height: Int) throws -> Canvas
}

extension Chart {
    /// Writes the PNG whole: to a temporary file in the same folder, then renamed over `url`.
    /// Creates the folder if needed.
    public func writePNG(to url: URL, width: Int = 800, height: Int = 600) throws {
        try render(width: width, height: height).writePNG(to: url)
    }

    public func pngData(width: Int = 800, height: Int = 600) throws -> Data {
        try render(width: width, height: height).pngData()
    }
}

extension Canvas {
    /// A blank chart canvas, once the size has been checked.
    static func forChart(width: Int, height: Int) throws -> Canvas {
        guard width >= minimumChartWidth, height >= minimumChartHeight,
              width <= maximumSide, height <= maximumSide
        else { throw PlotError.invalidSize(width: width, height: height) }
        try GraphicsLibrary.load()
        return Canvas(width: width, height: height)
    }
}
