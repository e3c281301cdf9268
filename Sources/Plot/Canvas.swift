import CGD
import Foundation

/// A truecolor libgd image that frees itself: every chart draws onto one.
///
/// Not `Sendable`: drawing mutates the image. Create one per thread.
public final class Canvas {
    static let minimumChartWidth = 200
    static let minimumChartHeight = 150
    static let maximumSide = 10_000

    let image: gdImagePtr

    /// Every text drawn so far with the box libgd's FreeType reported for it, so a test can
    /// hold a chart's labels inside the image and apart from each other.
    public private(set) var drawnTexts: [(text: String, box: PixelRect)] = []

    func recordText(_ text: String, box: PixelRect) {
        drawnTexts.append((text, box))
    }

    /// A canvas filled with `background`. Sides are clamped to 1...10 000 pixels so
    /// creation cannot fail for a silly size; charts reject such sizes with an error first.
    /// Loads libgd on first use and stops the program when it cannot: call
    /// `GraphicsLibrary.load()` first to get an error instead (charts do).
    public init(width: Int, height: Int, background: Color = .white) {
        let gd = GD.library
        let clampedWidth = Int32(min(max(width, 1), Canvas.maximumSide))
        let clampedHeight = Int32(min(max(height, 1), Canvas.maximumSide))
        guard let image = gd.imageCreateTrueColor(clampedWidth, clampedHeight) else {
            fatalError("libgd could not allocate a \(clampedWidth)x\(clampedHeight) image: out of memory")
        }
        self.image = image
        gd.imageAlphaBlending(image, 1)
        gd.imageFilledRectangle(image, 0, 0, clampedWidth - 1, clampedHeight - 1, background.gdValue)
    }

    private init(adopting image: gdImagePtr) {
        self.image = image
    }

    deinit {
        GD.library.imageDestroy(image)
    }

    public var width: Int { Int(cgd_width(image)) }
    public var height: Int { Int(cgd_height(image)) }

    /// The colour at a pixel; out-of-bounds coordinates read as white.
    public func color(atX x: Int, y: Int) -> Color {
        guard contains(x: x, y: y) else { return .white }
        return Color(gdValue: GD.library.imageGetTrueColorPixel(image, Int32(x), Int32(y)))
    }

    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The image as PNG bytes. zlib level 1: several times faster than the default for a
    /// file only somewhat larger, which matters for full-frame colour fields.
    public func pngData(compressionLevel: Int = 1) throws -> Data {
        let gd = GD.library
        var size: Int32 = 0
        guard let bytes = gd.imagePngPtrEx(image, &size, Int32(min(max(compressionLevel, 0), 9))), size > 0 else {
            throw PlotError.pngEncodingFailed
        }
        defer { gd.free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    /// Writes the PNG whole: Foundation's atomic write puts it in a temporary file
    /// in the same folder, then renames it over `url`, so a reader never sees half
    /// an image and an old one survives a failure. Creates the folder if needed.
    /// Throws `PlotError.writeFailed` naming the file.
    public func writePNG(to url: URL) throws {
        let data = try pngData()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw PlotError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Decodes PNG bytes into a canvas (truecolor, whatever the file's own format).
    public static func decodePNG(_ data: Data, source: String = "data") throws -> Canvas {
        let gd = try GD.loaded.get()
        let decoded: gdImagePtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return gd.imageCreateFromPngPtr(Int32(buffer.count), UnsafeMutableRawPointer(mutating: base))
        }
        guard let decoded else { throw PlotError.pngDecodingFailed(path: source) }
        if decoded.pointee.trueColor == 0 {
            _ = gd.imagePaletteToTrueColor(decoded)
        }
        return Canvas(adopting: decoded)
    }

    public static func readPNG(from url: URL) throws -> Canvas {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlotError.pngDecodingFailed(path: url.path)
        }
        return try decodePNG(data, source: url.path)
    }
}
