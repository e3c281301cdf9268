import CGD
import Foundation

/// How a piece of text looks.
public struct TextStyle: Sendable, Equatable {
    /// In points at libgd's 96 dpi.
    public var size: Double
    public var color: Color
    public var isBold: Bool

    public init(size: Double, color: Color = Color(hex: 0x222222), isBold: Bool = false) {
        self.size = size
        self.color = color
        self.isBold = isBold
    }

    func resized(_ size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }
}

/// Which point of the text's box sits at the position given to `drawText`.
public enum TextAnchor: Sendable {
    case topLeft, top, topRight
    case left, center, right
    case bottomLeft, bottom, bottomRight
}

/// A text's extent: width along the baseline, and the font's ascent and descent at that size
/// (the same for every string, so labels of one row share a baseline).
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }
}

extension Canvas {
    /// Measures without drawing.
    public func measure(_ text: String, style: TextStyle) throws -> TextMetrics {
        let font = try Fonts.path(bold: style.isBold)
        let cache = MeasurementCache.shared
        func cached(_ sample: String, key: String,
                    _ extent: ((left: Int32, right: Int32, top: Int32, bottom: Int32)) -> Int32) throws -> Double {
            try cache.value(for: .init(text: key, size: style.size, isBold: style.isBold)) {
                Double(extent(try Self.bounds(of: sample, font: font, size: style.size)))
            }
        }
        // Private-use keys keep the font-wide metrics apart from any label's width.
        return TextMetrics(
            width: text.isEmpty ? 0 : try cached(text, key: text) { $0.right - $0.left },
            ascent: try cached("Hdlk", key: "\u{E000}ascent") { -$0.top },
            descent: try cached("gjpqy", key: "\u{E000}descent") { $0.bottom }
        )
    }

    /// Draws anti-aliased TrueType text. `rotated` turns it a quarter counter-clockwise (for a
    /// y-axis title), in which case the anchor applies to the rotated box.
    public func drawText(
        _ text: String, at x: Double, _ y: Double, style: TextStyle,
        anchor: TextAnchor = .bottomLeft, rotated: Bool = false
    ) throws {
        guard !text.isEmpty else { return }
        let font = try Fonts.path(bold: style.isBold)
        let metrics = try measure(text, style: style)
        // Offsets of the box's left and top edge from the anchor point, in the text's own frame.
        let (dx, dy) = Self.offsets(for: anchor, width: rotated ? metrics.height : metrics.width,
                                    height: rotated ? metrics.width : metrics.height)
        let originX: Double, originY: Double
        if rotated {
            // The baseline runs upwards; ascenders reach to its left.
            originX = x + dx + metrics.ascent
            originY = y + dy + metrics.width
        } else {
            originX = x + dx
            originY = y + dy + metrics.ascent
        }
        var box = [Int32](repeating: 0, count: 8)
        let failure = GD.library.imageStringFT(
            image, &box, style.color.gdValue, font, style.size, rotated ? Double.pi / 2 : 0,
            Int32(originX.rounded()), Int32(originY.rounded()), text)
        if let failure {
            throw PlotError.textRenderingFailed(String(cString: failure))
        }
        // The four corners libgd reports (lower left, lower right, upper right, upper left).
        let xs = stride(from: 0, to: 8, by: 2).map { Double(box[$0]) }, ys = stride(from: 1, to: 8, by: 2).map { Double(box[$0]) }
        recordText(text, box: PixelRect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!))
    }

    /// The largest size, at most `style.size` and at least `minimumSize`, at which `text` fits in `maxWidth`.
    func fittingStyle(_ text: String, style: TextStyle, maxWidth: Double, minimumSize: Double) throws -> TextStyle {
        var fitted = style
        let width = try measure(text, style: style).width
        if width > maxWidth, width > 0 {
            fitted.size = max(minimumSize, style.size * maxWidth / width)
        }
        return fitted
    }

    /// `text` whole when it fits `maxWidth`, else with its middle given up for "…" (both
    /// ends kept, as the start and the end of a name are what tell names apart).
    func shortenedInTheMiddle(_ text: String, style: TextStyle, maxWidth: Double) throws -> String {
        guard try measure(text, style: style).width > maxWidth else { return text }
        let characters = Array(text)
        var keep = characters.count - 1
        while keep > 1 {
            let head = (keep + 1) / 2, tail = keep - head
            let candidate = String(characters.prefix(head)) + "…" + String(characters.suffix(tail))
            if try measure(candidate, style: style).width <= maxWidth { return candidate }
            keep -= 1
        }
        return "…"
    }

    /// `text` broken at a space into two lines that each fit `maxWidth`, the break that
    /// makes the longer line shortest; nil when no break gives two lines that fit.
    func wrappedInTwo(_ text: String, style: TextStyle, maxWidth: Double) throws -> [String]? {
        let characters = Array(text)
        var best: (lines: [String], width: Double)?
        for index in characters.indices where characters[index] == " " {
            let first = String(characters[..<index]).trimmingCharacters(in: .whitespaces)
            let second = String(characters[(index + 1)...]).trimmingCharacters(in: .whitespaces)
            guard !first.isEmpty, !second.isEmpty else { continue }
            let width = max(try measure(first, style: style).width, try measure(second, style: style).width)
            if width <= maxWidth, width < best?.width ?? .infinity { best = ([first, second], width) }
        }
        return best?.lines
    }

    private static func offsets(for anchor: TextAnchor, width: Double, height: Double) -> (Double, Double) {
        switch anchor {
        case .topLeft: (0, 0)
        case .top: (-width / 2, 0)
        case .topRight: (-width, 0)
        case .left: (0, -height / 2)
        case .center: (-width / 2, -height / 2)
        case .right: (-width, -height / 2)
        case .bottomLeft: (0, -height)
        case .bottom: (-width / 2, -height)
        case .bottomRight: (-width, -height)
        }
    }

    private static func bounds(of text: String, font: String, size: Double) throws
        -> (left: Int32, right: Int32, top: Int32, bottom: Int32)
    {
        var box = [Int32](repeating: 0, count: 8)
        if let failure = GD.library.imageStringFT(nil, &box, 0, font, size, 0, 0, 0, text) {
            throw PlotError.textRenderingFailed(String(cString: failure))
        }
        return (box[0], box[2], box[5], box[1])
    }
}
