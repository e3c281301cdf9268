import CGD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libgd, loaded when Plot first draws or decodes a picture rather than when
/// the program starts: libgd pulls in some 55 shared libraries (image codecs,
/// X11), and mapping them was most of the start-up time of commands that draw
/// nothing (`workbook --help`, `list`, `predict`, `train` without a report).
public enum GraphicsLibrary {
    /// Loads libgd unless it is loaded already. Call it before drawing to turn a
    /// missing libgd into an error: charts, text, PNG encoding and decoding throw
    /// it themselves, but a bare `Canvas(width:height:)` can only stop the program.
    public static func load() throws {
        _ = try GD.loaded.get()
    }
}

/// The libgd functions Plot calls, found with `dlsym`. Each type is the
/// prototype in gd.h.
struct GD: Sendable {
    let imageCreateTrueColor: @convention(c) (CInt, CInt) -> gdImagePtr?
    let imageCreateFromPngPtr: @convention(c) (CInt, UnsafeMutableRawPointer?) -> gdImagePtr?
    let imageDestroy: @convention(c) (gdImagePtr?) -> Void
    let imageAlphaBlending: @convention(c) (gdImagePtr?, CInt) -> Void
    let imagePaletteToTrueColor: @convention(c) (gdImagePtr?) -> CInt
    let imageGetTrueColorPixel: @convention(c) (gdImagePtr?, CInt, CInt) -> CInt
    let imageLine: @convention(c) (gdImagePtr?, CInt, CInt, CInt, CInt, CInt) -> Void
    let imageRectangle: @convention(c) (gdImagePtr?, CInt, CInt, CInt, CInt, CInt) -> Void
    let imageFilledRectangle: @convention(c) (gdImagePtr?, CInt, CInt, CInt, CInt, CInt) -> Void
    let imagePngPtrEx: @convention(c) (gdImagePtr?, UnsafeMutablePointer<CInt>?, CInt) -> UnsafeMutableRawPointer?
    let free: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let fontCacheSetup: @convention(c) () -> CInt
    let ftUseFontConfig: @convention(c) (CInt) -> CInt
    let imageStringFT: @convention(c) (
        gdImagePtr?, UnsafeMutablePointer<CInt>?, CInt, UnsafePointer<CChar>?,
        Double, Double, CInt, CInt, UnsafePointer<CChar>?
    ) -> UnsafeMutablePointer<CChar>?

    /// Loaded once, on first use; a lazily initialised global is thread-safe in Swift.
    static let loaded = Result { () throws(PlotError) in try GD(opening: names) }

    /// For code that runs once libgd is loaded: an image exists, or `GraphicsLibrary.load()`
    /// returned. Anywhere else a missing libgd stops the program, with the reason.
    static var library: GD {
        switch loaded {
        case .success(let library): library
        case .failure(let error): fatalError(error.description)
        }
    }

    #if os(macOS)
    static let names = ["libgd.3.dylib", "libgd.dylib", "/opt/homebrew/lib/libgd.dylib", "/usr/local/lib/libgd.dylib"]
    #else
    static let names = ["libgd.so.3", "libgd.so"]
    #endif

    /// The first of `names` the dynamic loader finds. The handle is never closed:
    /// images and fonts live as long as the program.
    private init(opening names: [String]) throws(PlotError) {
        var reasons: [String] = []
        var opened: UnsafeMutableRawPointer?
        for name in names {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                opened = handle
                break
            }
            reasons.append(dlerror().map { String(cString: $0) } ?? "\(name): not found")
        }
        guard let handle = opened else {
            throw .graphicsLibraryUnavailable(tried: names, reason: reasons.joined(separator: "; "))
        }
        func symbol<Function>(_ name: String) throws(PlotError) -> Function {
            guard let address = dlsym(handle, name) else {
                let reason = dlerror().map { String(cString: $0) } ?? "\(name) not found"
                throw .graphicsLibraryUnavailable(tried: names, reason: reason)
            }
            return unsafeBitCast(address, to: Function.self)
        }
        imageCreateTrueColor = try symbol("gdImageCreateTrueColor")
        imageCreateFromPngPtr = try symbol("gdImageCreateFromPngPtr")
        imageDestroy = try symbol("gdImageDestroy")
        imageAlphaBlending = try symbol("gdImageAlphaBlending")
        imagePaletteToTrueColor = try symbol("gdImagePaletteToTrueColor")
        imageGetTrueColorPixel = try symbol("gdImageGetTrueColorPixel")
        imageLine = try symbol("gdImageLine")
        imageRectangle = try symbol("gdImageRectangle")
        imageFilledRectangle = try symbol("gdImageFilledRectangle")
        imagePngPtrEx = try symbol("gdImagePngPtrEx")
        free = try symbol("gdFree")
        fontCacheSetup = try symbol("gdFontCacheSetup")
        ftUseFontConfig = try symbol("gdFTUseFontConfig")
        imageStringFT = try symbol("gdImageStringFT")
    }
}
