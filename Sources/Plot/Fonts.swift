import CGD
import Foundation

/// Where DejaVu Sans is found, and the one-time FreeType set-up libgd needs.
///
/// The font files are looked for where Linux distributions and Homebrew put
/// them; where none is found, fontconfig (through libgd) picks DejaVu Sans or
/// the closest sans-serif face the system has.
enum Fonts {
    static let folders = [
        "/usr/share/fonts/truetype/dejavu",  // Debian, Ubuntu (fonts-dejavu-core)
        "/usr/share/fonts/TTF",  // Arch
        "/usr/share/fonts/dejavu",  // Fedora
        "/usr/share/fonts/dejavu-sans-fonts",
        "/opt/homebrew/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
    ]

    /// Resolved once; a lazily initialised global is thread-safe in Swift.
    static let regular: Result<String, PlotError> = locate("DejaVuSans.ttf", pattern: "DejaVu Sans")
    /// Falls back to the regular face when the bold one is missing.
    static let bold: Result<String, PlotError> = {
        if case .success(let path) = locate("DejaVuSans-Bold.ttf", pattern: "DejaVu Sans:bold") { return .success(path) }
        return regular
    }()

    /// `gdFontCacheSetup` must run before the first `gdImageStringFT`, and only once,
    /// or two threads drawing text (parallel tests, parallel chapters) can race on the cache.
    static let cacheReady: Bool = GD.library.fontCacheSetup() == 0

    /// Throws when libgd cannot be loaded; once this returned, text can be drawn through it.
    static func path(bold isBold: Bool) throws -> String {
        try GraphicsLibrary.load()
        guard cacheReady else { throw PlotError.textRenderingFailed("FreeType could not be initialised") }
        return try (isBold ? bold : regular).get()
    }

    /// A font file's path, or else a fontconfig pattern when libgd can use fontconfig.
    private static func locate(_ file: String, pattern: String) -> Result<String, PlotError> {
        let candidates = folders.map { "\($0)/\(file)" }
        if let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) {
            return .success(found)
        }
        if usesFontConfig { return .success(pattern) }
        return .failure(.fontNotFound(searched: candidates))
    }

    /// True once libgd was told to read font names as fontconfig patterns, which
    /// it does only when no DejaVu file is found: from then on every name is a
    /// pattern, so paths and patterns are never mixed.
    static let usesFontConfig: Bool = {
        let hasFile = folders.contains { FileManager.default.isReadableFile(atPath: "\($0)/DejaVuSans.ttf") }
        return !hasFile && GD.library.ftUseFontConfig(1) == 1
    }()
}
