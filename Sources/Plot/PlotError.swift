import Foundation

/// Why a chart could not be drawn or written.
public enum PlotError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    case fontNotFound(searched: [String])
    case textRenderingFailed(String)
    case invalidSize(width: Int, height: Int)
    case noSeries
    case emptySeries(name: String)
    case mismatchedLengths(name: String, xCount: Int, yCount: Int)
    case noFiniteValues(name: String)
    case noPositiveValues(name: String)
    case invalidRange(String)
    case noPoints
    case nonFinitePoint(index: Int)
    case unsupportedLabel(Int, index: Int)
    case nonFiniteProbability(x: Double, y: Double)
    case invalidCounts(String)
    case pngEncodingFailed
    case pngDecodingFailed(path: String)
    case writeFailed(path: String, reason: String)
    /// libgd, which draws and encodes every picture, could not be loaded.
    case graphicsLibraryUnavailable(tried: [String], reason: String)

    public var description: String {
        switch self {
        case .fontNotFound(let searched):
            "no TrueType font found; looked for " + searched.joined(separator: ", ")
                + " (on Debian: apt-get install fonts-dejavu-core)"
        case .textRenderingFailed(let message): "libgd could not draw text: \(message)"
        case .invalidSize(let width, let height):
            "a chart needs at least \(Canvas.minimumChartWidth)x\(Canvas.minimumChartHeight) and at most "
                + "\(Canvas.maximumSide) pixels a side, not \(width)x\(height)"
        case .noSeries: "a line chart needs at least one series"
        case .emptySeries(let name): "series \"\(name)\" has no points"
        case .mismatchedLengths(let name, let xCount, let yCount):
            "series \"\(name)\" has \(xCount) x values but \(yCount) y values"
        case .noFiniteValues(let name): "series \"\(name)\" has no finite (non-NaN, non-infinite) points"
        case .noPositiveValues(let name):
            "series \"\(name)\" has no positive y values to show on a logarithmic axis"
        case .invalidRange(let message): "invalid range: \(message)"
        case .noPoints: "a decision-boundary map needs points or explicit x and y ranges"
        case .nonFinitePoint(let index): "point \(index) has a NaN or infinite coordinate"
        case .unsupportedLabel(let label, let index): "point \(index) has label \(label); only 0 and 1 are drawn"
        case .nonFiniteProbability(let x, let y): "the probability at (\(x), \(y)) is NaN or infinite"
        case .invalidCounts(let message): "invalid confusion matrix: \(message)"
        case .pngEncodingFailed: "libgd could not encode the image as PNG"
        case .pngDecodingFailed(let path): "not a readable PNG: \(path)"
        case .writeFailed(let path, let reason): "could not write \(path): \(reason)"
        case .graphicsLibraryUnavailable(let tried, let reason):
            "libgd could not be loaded (tried \(tried.joined(separator: ", ")): \(reason)); "
                + "install libgd: `make deps`, or " + Self.installHint
        }
    }

    public var errorDescription: String? { description }

    #if os(macOS)
    private static let installHint = "with Homebrew `brew install gd`"
    #else
    private static let installHint = "on Debian `sudo apt-get install libgd3`"
    #endif
}
